;; Generated from grammar/queries/highlights.scm by editors/sync-queries.sh; do not edit.

;; Syntax highlighting for zan.
;;
;; Every node is captured by at most one pattern, so the result does not depend
;; on whether an editor lets the first (tree-sitter, Helix) or the last (Neovim)
;; matching pattern win. Nested nodes (a reference inside a string) simply stack.
;;
;; Captures, with the LSP semantic token type each one is meant to map to:
;;
;;   @comment              comment            `# …`
;;   @keyword              keyword            act, amendment, bill, amends, version, title, cite, compare, replace, add, to, …
;;   @type                 type               unit kinds: article, part, point, chapter, …
;;   @number               number             unit numbers (15, 213-1, "9 c"), occurrence counts
;;   @string               string             quoted legal text
;;   @string.escape        regexp             \" \\ \[ \]
;;   @constant             enumMember         dates, language codes, jurisdiction and act kind
;;   @constant.builtin     enumMember         fidelity (official/summary), relations, status, all, start/end
;;   @function             function           the id of the act, amendment or bill being defined
;;   @label                namespace          act ids referenced from targets
;;   @operator             operator           ->  ..  @
;;   @punctuation.bracket  (none)             { } [ ]( )
;;   @markup.link          (none)             an inline reference `[…](…)` inside a string
;;   @markup.link.label    (none)             its display words
;;
;; An editor that lacks a dotted name falls back to its first component
;; (@constant.builtin -> @constant).

(comment) @comment

;; The kind of an editorial change: amended, added, rewritten, repealed.
(change_kind) @constant.builtin

;; A review remark's status: open, resolved.
(remark_status) @constant.builtin

;; ------------------------------------------------------------------ keywords

[
  "act"
  "version"
  "jurisdiction"
  "kind"
  "number"
  "adopted"
  "in-force"
  "languages"
  "title"
  "source"
  "cite"
  "repealed"
  "history"
  "remark"
  "reply"
  "compare"
  "amendment"
  "bill"
  "amends"
  "target"
  "status"
  "author"
  "justification"
  "replace"
  "replace-all"
  "delete"
  "insert"
  "rewrite"
  "add"
  "repeal"
  "renumber"
  "to"
  "after"
  "before"
  "at"
  "occurrence"
] @keyword

(update_references) @keyword

;; --------------------------------------------------------------------- units

(unit_kind) @type

[
  (number)
  (quoted_number)
  (integer)
] @number

;; ----------------------------------------------------------------- constants

[
  (date)
  (lang)
] @constant

(jurisdiction
  code: (identifier) @constant)

(act_kind
  kind: (identifier) @constant)

[
  (fidelity)
  (relation)
  (status_value)
] @constant.builtin

(occurrence
  which: "all" @constant.builtin)

(position
  edge: _ @constant.builtin)

;; ------------------------------------------------------------------- act ids

(act
  id: (act_id) @function)

(amendment
  id: (act_id) @function)

(bill
  id: (act_id) @function)

(target
  act: (act_id) @label)

(amendment_target
  act: (act_id) @label)

;; The amendments a bill enacts.
(amends
  (act_id) @label)

;; ------------------------------------------------------------------- strings

(string) @string

(escape_sequence) @string.escape

(reference) @link_uri

(reference_text) @link_text

;; ------------------------------------------------------ operators, brackets

[
  "->"
  ".."
  "@"
] @operator

[
  "{"
  "}"
  ")"
  "["
  "]("
] @punctuation.bracket
