" Regex highlighting of .zan files, for a Neovim that cannot load the
" tree-sitter parser (before 0.9). The tree-sitter queries are the reference;
" this covers keywords, unit kinds, strings, references, dates and comments.
if exists("b:current_syntax")
  finish
endif

syntax iskeyword @,48-57,_,-
syntax keyword zanKeyword act amendment version title cite compare repealed target status justification languages jurisdiction kind number adopted in-force source author occurrence all at to after before official summary update-references
syntax keyword zanOperation replace replace-all delete insert rewrite add repeal renumber
syntax keyword zanUnit book division section subsection chapter subchapter article paragraph part point subpoint indent note
syntax match zanDate "\<\d\{4}-\d\{2}-\d\{2}\>"
syntax match zanComment "#.*$"
syntax region zanString start=+"+ skip=+\\\\\|\\"+ end=+"\|$+ contains=zanLink
syntax match zanLink "\[[^\]]*\]([^)]*)" contained

highlight default link zanKeyword Keyword
highlight default link zanOperation Statement
highlight default link zanUnit Type
highlight default link zanDate Constant
highlight default link zanComment Comment
highlight default link zanString String
highlight default link zanLink Underlined

let b:current_syntax = "zan"
