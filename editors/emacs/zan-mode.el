;;; zan-mode.el --- Major modes for the zan legislative language  -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "28.1"))
;; Keywords: languages
;; SPDX-License-Identifier: MIT OR Apache-2.0

;;; Commentary:

;; Two major modes for .zan files (acts, amendments, comparative links):
;; - `zan-ts-mode' (Emacs 29+) highlights with the tree-sitter grammar in the
;;   zan repository's grammar/ folder; see docs/editors.md to install it.
;; - `zan-mode' is the regexp fallback for Emacs 28 or when the grammar is
;;   missing.  When the grammar is available, `zan-mode' is remapped to
;;   `zan-ts-mode'.
;; Both register `zan lsp' with eglot.

;;; Code:

(defgroup zan nil
  "The zan legislative drafting language."
  :group 'languages
  :prefix "zan-")

(defcustom zan-server-command '("zan" "lsp")
  "Command line that starts the zan language server."
  :type '(repeat string))

(defcustom zan-indent-offset 2
  "Indentation of a nested block."
  :type 'integer)

(defconst zan--unit-kinds
  '("book" "division" "section" "subsection" "chapter" "subchapter"
    "article" "paragraph" "part" "point" "subpoint" "indent" "note"))

(defconst zan--keywords
  '("act" "version" "jurisdiction" "kind" "number" "adopted" "in-force"
    "languages" "title" "source" "cite" "repealed" "compare" "amendment"
    "target" "status" "author" "justification" "replace" "replace-all"
    "delete" "insert" "rewrite" "add" "repeal" "renumber" "to" "after"
    "before" "at" "occurrence" "update-references"))

(defconst zan--builtins
  '("official" "summary" "corresponds" "stricter" "lenient" "broader"
    "narrower" "implements" "draft" "proposed" "all" "start" "end"))

(defconst zan--act-id "[a-z][a-z0-9_-]*\\(?:\\.[a-z0-9_-]+\\)+")

(defvar zan-mode-syntax-table
  (let ((table (make-syntax-table)))
    (modify-syntax-entry ?# "<" table)
    (modify-syntax-entry ?\n ">" table)
    (modify-syntax-entry ?\" "\"" table)
    (modify-syntax-entry ?\\ "\\" table)
    ;; Act ids (kz.cc), numbers (213-1, 4:9c) and in-force are single symbols.
    (modify-syntax-entry ?- "_" table)
    (modify-syntax-entry ?. "_" table)
    (modify-syntax-entry ?: "_" table)
    (modify-syntax-entry ?_ "_" table)
    (modify-syntax-entry ?« "(»" table)
    (modify-syntax-entry ?» ")«" table)
    table)
  "Syntax table of `zan-mode' and `zan-ts-mode'.")

(defvar zan-font-lock-keywords
  `((,(concat "\\_<\\(act\\|amendment\\)\\s-+\\(" zan--act-id "\\)")
     (1 font-lock-keyword-face) (2 font-lock-function-name-face))
    (,(concat "\\_<" (regexp-opt zan--keywords t) "\\_>") . font-lock-keyword-face)
    (,(concat "\\_<" (regexp-opt zan--unit-kinds t) "\\_>") . font-lock-type-face)
    (,(concat "\\_<" (regexp-opt zan--builtins t) "\\_>") . font-lock-builtin-face)
    ("\\_<[0-9]\\{4\\}-[0-9]\\{2\\}-[0-9]\\{2\\}\\_>" . font-lock-constant-face)
    (,(concat "\\_<" zan--act-id "\\_>") . font-lock-constant-face)
    ;; Inline references inside strings: [display words](target).
    ("\\(\\[\\)\\(?:[^]\"\\\\]\\|\\\\.\\)*\\(](\\)\\([^)\"]*\\)\\()\\)"
     (1 'font-lock-bracket-face prepend) (2 'font-lock-bracket-face prepend)
     (3 'link prepend) (4 'font-lock-bracket-face prepend)))
  "Regexp highlighting for `zan-mode'.")

;; font-lock-bracket-face appeared in Emacs 29.
(unless (facep 'font-lock-bracket-face)
  (defface font-lock-bracket-face '((t :inherit default))
    "Face for brackets (defined by zan-mode on Emacs 28)."))

(defun zan-indent-line ()
  "Indent the current line by brace depth."
  (interactive)
  (let ((depth (save-excursion
                 (back-to-indentation)
                 (let ((d (car (syntax-ppss))))
                   (if (looking-at-p "}") (max 0 (1- d)) d)))))
    (if (<= (current-column) (current-indentation))
        (indent-line-to (* depth zan-indent-offset))
      (save-excursion (indent-line-to (* depth zan-indent-offset))))))

(defun zan--common-setup ()
  "Settings shared by both modes."
  (setq-local comment-start "# ")
  (setq-local comment-start-skip "#+\\s-*")
  (setq-local indent-tabs-mode nil))

;;;###autoload
(define-derived-mode zan-mode prog-mode "zan"
  "Major mode for zan files, highlighted with regular expressions."
  :syntax-table zan-mode-syntax-table
  (zan--common-setup)
  (setq-local indent-line-function #'zan-indent-line)
  (setq-local font-lock-defaults '(zan-font-lock-keywords)))

;;; Tree-sitter mode (Emacs 29+)

(declare-function treesit-ready-p "treesit.c")
(declare-function treesit-parser-create "treesit.c")
(declare-function treesit-font-lock-rules "treesit")
(declare-function treesit-major-mode-setup "treesit")
(declare-function treesit-language-available-p "treesit.c")

(defun zan--ts-font-lock-settings ()
  "Font-lock rules mirroring grammar/queries/highlights.scm."
  (treesit-font-lock-rules
   :language 'zan :feature 'comment
   '((comment) @font-lock-comment-face)
   :language 'zan :feature 'string
   '((string) @font-lock-string-face)
   :language 'zan :feature 'keyword
   ;; update-references is a named node, not a literal keyword.
   `([,@(remove "update-references" zan--keywords)] @font-lock-keyword-face
     (update_references) @font-lock-keyword-face)
   :language 'zan :feature 'type
   '((unit_kind) @font-lock-type-face)
   :language 'zan :feature 'constant
   '([(fidelity) (relation) (status_value)] @font-lock-builtin-face
     [(date) (lang)] @font-lock-constant-face
     (jurisdiction code: (identifier) @font-lock-constant-face)
     (act_kind kind: (identifier) @font-lock-constant-face)
     [(number) (quoted_number) (integer)] @font-lock-number-face)
   :language 'zan :feature 'definition
   '((act id: (act_id) @font-lock-function-name-face)
     (amendment id: (act_id) @font-lock-function-name-face)
     (target act: (act_id) @font-lock-constant-face)
     (amendment_target act: (act_id) @font-lock-constant-face))
   :language 'zan :feature 'escape :override t
   '((escape_sequence) @font-lock-escape-face)
   :language 'zan :feature 'reference :override 'prepend
   '((reference target: (target) @link))
   :language 'zan :feature 'operator
   '(["->" ".." "@"] @font-lock-operator-face)
   :language 'zan :feature 'bracket
   '(["{" "}" "[" "](" ")"] @font-lock-bracket-face)))

;;;###autoload
(define-derived-mode zan-ts-mode prog-mode "zan[ts]"
  "Major mode for zan files, highlighted with tree-sitter (Emacs 29+)."
  :syntax-table zan-mode-syntax-table
  (zan--common-setup)
  (if (not (and (fboundp 'treesit-ready-p) (treesit-ready-p 'zan t)))
      (progn
        (message "zan-ts-mode: no tree-sitter grammar for zan; using zan-mode")
        (zan-mode))
    (treesit-parser-create 'zan)
    (setq-local treesit-font-lock-settings (zan--ts-font-lock-settings))
    (setq-local treesit-font-lock-feature-list
                '((comment string definition)
                  (keyword type constant)
                  (escape reference)
                  (operator bracket)))
    (setq-local indent-line-function #'zan-indent-line)
    (treesit-major-mode-setup)))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.zan\\'" . zan-mode))

(when (and (fboundp 'treesit-language-available-p)
           (boundp 'major-mode-remap-alist)
           (treesit-language-available-p 'zan))
  (add-to-list 'major-mode-remap-alist '(zan-mode . zan-ts-mode)))

;;; Workspace root

(defun zan-project-find (dir)
  "The zan workspace of a `.zan' buffer in DIR: the nearest folder with zan.toml.
For `project-find-functions', so that eglot starts the server there; other
buffers, and folders without zan.toml, keep their usual project."
  (when (derived-mode-p 'zan-mode 'zan-ts-mode)
    (let ((root (locate-dominating-file dir "zan.toml")))
      (and root (cons 'zan (expand-file-name root))))))

(with-eval-after-load 'project
  (cl-defmethod project-root ((project (head zan)))
    (cdr project))
  (add-hook 'project-find-functions #'zan-project-find))

;;; Language server

(defvar eglot-server-programs)

;;;###autoload
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               `((zan-mode zan-ts-mode) . ,zan-server-command)))

(provide 'zan-mode)
;;; zan-mode.el ends here
