;;; zan-test.el --- Batch tests for zan-mode  -*- lexical-binding: t; -*-

;; Run: editors/emacs/test/run.sh (emacs --batch with ERT).

;;; Code:

(require 'ert)
(require 'zan-mode)
(require 'eglot nil t)

(defconst zan-test--dir (file-name-directory (or load-file-name buffer-file-name)))

(defconst zan-test--sample
  "# note: \"not a string\" article 5
act kz.cc version 2024-01-01 {
  title kk official \"Қылмыстық # кодексі\"
  article 213-1 {
    en summary \"See [part 2](kz.cc article 205 part 2).\" cite \"S1\"
    compare stricter lv.kl article 11
  }
}
")

(defun zan-test--face-at (needle &optional nth)
  "Face at the start of the NTH (default 1st) occurrence of NEEDLE."
  (goto-char (point-min))
  (search-forward needle nil nil (or nth 1))
  (let ((face (get-text-property (match-beginning 0) 'face)))
    (if (and (listp face) (not (keywordp (car-safe face)))) face (list face))))

(defmacro zan-test--with-sample (&rest body)
  `(with-temp-buffer
     (insert zan-test--sample)
     (zan-mode)
     (font-lock-ensure)
     ,@body))

(ert-deftest zan-test-auto-mode ()
  (let ((file (make-temp-file "zan-" nil ".zan" zan-test--sample)))
    (unwind-protect
        (with-current-buffer (find-file-noselect file)
          (unwind-protect (should (eq major-mode 'zan-mode))
            (kill-buffer)))
      (delete-file file))))

(ert-deftest zan-test-font-lock ()
  (zan-test--with-sample
   (should (equal (zan-test--face-at "# note") '(font-lock-comment-delimiter-face)))
   (should (equal (zan-test--face-at "article 5") '(font-lock-comment-face)))
   (should (equal (zan-test--face-at "act") '(font-lock-keyword-face)))
   (should (equal (zan-test--face-at "kz.cc") '(font-lock-function-name-face)))
   (should (equal (zan-test--face-at "version") '(font-lock-keyword-face)))
   (should (equal (zan-test--face-at "2024-01-01") '(font-lock-constant-face)))
   (should (equal (zan-test--face-at "official") '(font-lock-builtin-face)))
   (should (equal (zan-test--face-at "article 213") '(font-lock-type-face)))
   (should (equal (zan-test--face-at "stricter") '(font-lock-builtin-face)))
   (should (equal (zan-test--face-at "lv.kl") '(font-lock-constant-face)))))

(ert-deftest zan-test-strings-and-references ()
  (zan-test--with-sample
   ;; `#' inside a string does not start a comment.
   (should (equal (zan-test--face-at "# кодексі") '(font-lock-string-face)))
   ;; Keywords inside legal text stay plain string text ...
   (should (equal (zan-test--face-at "See") '(font-lock-string-face)))
   ;; ... except the target of an inline reference.
   (should (memq 'link (zan-test--face-at "kz.cc article 205")))
   (should (memq 'font-lock-string-face (zan-test--face-at "kz.cc article 205")))
   (should (memq 'font-lock-bracket-face (zan-test--face-at "[part")))))

(ert-deftest zan-test-comments-and-indent ()
  (zan-test--with-sample
   (should (equal comment-start "# "))
   (goto-char (point-min))
   (search-forward "compare")
   (indent-line-to 0)
   (funcall indent-line-function)
   (should (equal (current-indentation) 4))
   (goto-char (point-max))
   (forward-line -1)
   (should (looking-at-p "}"))
   (funcall indent-line-function)
   (should (equal (current-indentation) 0))))

(ert-deftest zan-test-ts-mode-falls-back-without-grammar ()
  (skip-unless (not (and (fboundp 'treesit-language-available-p)
                         (treesit-language-available-p 'zan))))
  (with-temp-buffer
    (zan-ts-mode)
    (should (eq major-mode 'zan-mode))))

(ert-deftest zan-test-workspace-root-is-the-folder-of-zan-toml ()
  "A zan buffer's project is the nearest folder with zan.toml, not the VC root."
  (require 'project)
  (let* ((top (file-name-as-directory (make-temp-file "zan-root-" t)))
         (ws (expand-file-name "ws/" top))
         (file (expand-file-name "acts/a.zan" ws))
         buffer)
    (make-directory (expand-file-name ".git" top) t)
    (make-directory (file-name-directory file) t)
    (write-region "" nil (expand-file-name "zan.toml" ws))
    (write-region zan-test--sample nil file)
    (unwind-protect
        (progn
          (setq buffer (find-file-noselect file))
          (with-current-buffer buffer
            (should (equal (project-root (project-current)) ws))))
      (when buffer (kill-buffer buffer))
      (delete-directory top t))))

(ert-deftest zan-test-eglot-entry ()
  (skip-unless (featurep 'eglot))
  (should (equal (cdr (assoc '(zan-mode zan-ts-mode) eglot-server-programs))
                 '("zan" "lsp"))))

(ert-deftest zan-test-eglot-attaches ()
  "Eglot starts a server for a zan buffer and receives its diagnostics."
  (skip-unless (and (featurep 'eglot) (executable-find "python3")))
  (let* ((dir (make-temp-file "zan-ws-" t))
         (file (expand-file-name "a.zan" dir))
         (stub (expand-file-name "../../test/stub_lsp.py" zan-test--dir))
         (eglot-sync-connect 5)
         buffer)
    (write-region zan-test--sample nil file)
    (unwind-protect
        (progn
          (setq buffer (find-file-noselect file))
          (with-current-buffer buffer
            ;; eglot-ensure waits for a command loop that batch mode never runs.
            (eglot '(zan-mode) (cons 'transient dir) 'eglot-lsp-server
                   (list "python3" stub "lsp") "zan")
            (flymake-start)
            (let ((deadline (+ (float-time) 10)))
              (while (and (null (flymake-diagnostics)) (< (float-time) deadline))
                (accept-process-output nil 0.1)))
            (let ((texts (mapcar #'flymake-diagnostic-text (flymake-diagnostics))))
              (should (equal (length texts) 1))
              (should (string-match-p "stub: zan" (car texts))))
            (eglot-shutdown (eglot-current-server))))
      (when buffer (kill-buffer buffer))
      (delete-directory dir t))))

;;; zan-test.el ends here
