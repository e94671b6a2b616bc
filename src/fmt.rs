//! The canonical formatter. It only moves whitespace between tokens: strings,
//! numbers and comments are copied byte for byte, so formatting cannot change
//! meaning. A file with syntax errors, or nested too deeply to model, is not formatted.

use tree_sitter::{Node, Tree};

const INDENT: &str = "  ";

/// Nodes printed as `{`, one item per line, `}`.
const BODIES: &[&str] = &[
    "act_body",
    "unit_body",
    "amendment_body",
    "bill_body",
    "operation_body",
    "unit_body_with_notes",
    "history_body",
    "remark_body",
];

/// Nodes printed verbatim, as one token.
const VERBATIM: &[&str] = &["string", "quoted_number", "comment"];

/// The deepest body printed: units nested as deep as the model takes them,
/// inside an amendment's operation (two more bodies). Deeper input is refused
/// rather than recursed into.
const MAX_DEPTH: usize = crate::model::MAX_DEPTH + 2;

/// The formatted text, or `None` when the tree has syntax errors or nests
/// deeper than the model does.
pub fn format(tree: &Tree, text: &str) -> Option<String> {
    if crate::syntax::broken(tree) {
        return None;
    }
    let root = tree.root_node();
    let mut p = Printer { text, out: String::with_capacity(text.len() + text.len() / 8), too_deep: false };
    p.items(root, 0);
    (!p.too_deep).then_some(p.out)
}

struct Printer<'a> {
    text: &'a str,
    out: String,
    too_deep: bool,
}

impl<'a> Printer<'a> {
    fn src(&self, node: Node) -> &'a str {
        &self.text[node.byte_range()]
    }

    fn indent(&mut self, depth: usize) {
        for _ in 0..depth {
            self.out.push_str(INDENT);
        }
    }

    /// Whether the source has a line break between two byte offsets.
    fn breaks(&self, from: usize, to: usize) -> usize {
        self.text[from..to].bytes().filter(|&b| b == b'\n').count()
    }

    /// The items of a body (or of the whole file), one per line, keeping up to
    /// one blank line between items and end-of-line comments where they were.
    fn items(&mut self, parent: Node, depth: usize) {
        if depth > MAX_DEPTH {
            self.too_deep = true;
            return;
        }
        let mut cursor = parent.walk();
        let mut prev_end: Option<usize> = None;
        for item in parent.children(&mut cursor) {
            if !item.is_named() {
                continue; // the braces, printed by `body`
            }
            match prev_end {
                Some(end) if item.kind() == "comment" && self.breaks(end, item.start_byte()) == 0 => {
                    self.out.push(' ');
                    self.out.push_str(self.src(item));
                    prev_end = Some(item.end_byte());
                    continue;
                }
                Some(end) => {
                    self.out.push('\n');
                    if self.breaks(end, item.start_byte()) > 1 {
                        self.out.push('\n');
                    }
                }
                None => {}
            }
            self.indent(depth);
            self.statement(item, depth);
            prev_end = Some(item.end_byte());
        }
        if prev_end.is_some() && depth == 0 {
            self.out.push('\n');
        }
    }

    /// One statement on one line: its tokens joined by single spaces, then its
    /// body if it has one.
    fn statement(&mut self, node: Node, depth: usize) {
        let mut tokens = Vec::new();
        let mut body = None;
        self.tokens(node, &mut tokens, &mut body);
        let mut prev: Option<Node> = None;
        for tok in tokens {
            if let Some(p) = prev {
                let glued = matches!(self.src(tok), "@" | "..") || matches!(self.src(p), "@" | "..");
                if p.kind() == "comment" {
                    self.out.push('\n');
                    self.indent(depth + 1);
                } else if !glued {
                    self.out.push(' ');
                }
            }
            self.out.push_str(self.src(tok));
            prev = Some(tok);
        }
        if let Some(body) = body {
            self.body(body, prev, depth);
        }
    }

    fn tokens<'t>(&self, node: Node<'t>, tokens: &mut Vec<Node<'t>>, body: &mut Option<Node<'t>>) {
        if BODIES.contains(&node.kind()) {
            *body = Some(node);
            return;
        }
        if node.child_count() == 0 || VERBATIM.contains(&node.kind()) {
            tokens.push(node);
            return;
        }
        let mut cursor = node.walk();
        for child in node.children(&mut cursor) {
            self.tokens(child, tokens, body);
        }
    }

    fn body(&mut self, body: Node, prev: Option<Node>, depth: usize) {
        let empty = body.named_child_count() == 0;
        match prev {
            Some(p) if p.kind() == "comment" => {
                self.out.push('\n');
                self.indent(depth);
            }
            Some(_) => self.out.push(' '),
            None => {}
        }
        if empty {
            self.out.push_str("{}");
            return;
        }
        self.out.push_str("{\n");
        self.items(body, depth + 1);
        self.out.push('\n');
        self.indent(depth);
        self.out.push('}');
    }
}
