("{" @open "}" @close)
("[" @open "](" @close)
