" Works in every Neovim (and Vim) version, unlike vim.filetype.add (0.8+).
autocmd BufRead,BufNewFile *.zan setfiletype zan
