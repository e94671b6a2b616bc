;; Generated from grammar/queries/folds.scm by editors/sync-queries.sh; do not edit.

;; Folding: every braced block folds from its header line to its closing brace.

[
  (act)
  (amendment)
  (bill)
  (unit)
  (replace_words)
  (replace_everywhere)
  (delete_words)
  (insert_words)
  (rewrite_unit)
  (add_unit)
  (repeal_unit)
  (renumber_unit)
] @fold
