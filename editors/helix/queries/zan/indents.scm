;; Helix indentation: one level inside every braced block.

[
  (act_body)
  (unit_body)
  (amendment_body)
  (operation_body)
  (unit_body_with_notes)
] @indent

"}" @outdent
