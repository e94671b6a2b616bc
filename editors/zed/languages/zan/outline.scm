;; Zed's outline panel: acts, amendments and units ("article 205").

(act
  "act" @context
  id: (act_id) @name) @item

(amendment
  "amendment" @context
  id: (act_id) @name) @item

(unit
  kind: (unit_kind) @name
  number: (_)? @name) @item
