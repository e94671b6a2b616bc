;; Outline and symbol index (tree-sitter tags format).
;;
;; Definitions: @definition.act, @definition.amendment, @definition.unit
;; (a unit is named by its number, or by its kind when it has none: `note`).
;; References: @reference.target, named by the whole target text
;; (`kz.cc article 205 part 2`), and @reference.act for an amendment's target act.

(act
  id: (act_id) @name) @definition.act

(amendment
  id: (act_id) @name) @definition.amendment

(unit
  number: (_) @name) @definition.unit

(unit
  kind: (unit_kind) @name
  !number) @definition.unit

(add_unit
  number: (_) @name) @definition.unit

(target) @name @reference.target

(amendment_target
  act: (act_id) @name) @reference.act
