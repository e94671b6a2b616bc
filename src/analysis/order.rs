//! Numbering order: siblings of one kind in one file go up.

use super::{Cx, Index};
use crate::diag::Message;
use crate::index::numbers::key;

impl Cx<'_, '_> {
    /// Reports a unit whose number is lower than that of the previous sibling
    /// of the same kind in the same file.
    pub(super) fn numbering(&mut self, n: usize) {
        let index: &Index = self.index;
        let node = &index.nodes[n];
        let Some(number) = &self.unit(n).number else { return };
        let Some(mine) = key(&number.text) else { return };
        let siblings = index.children(node.parent, node.act);
        let at = node.rank;
        let previous = siblings[..at].iter().rev().find_map(|&s| {
            let other = &index.nodes[s];
            let num = other.unit.number.as_ref()?;
            (other.unit.kind == node.unit.kind && other.file == node.file).then(|| (s, key(&num.text)))
        });
        if let Some((p, Some(theirs))) = previous
            && mine < theirs
        {
            let message = Message::NumberingOrder { unit: index.path(n), previous: index.path(p) };
            self.push(node.file, message, number.span.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::key;

    #[test]
    fn keys_order_national_numbers() {
        let k = |s| key(s).unwrap();
        assert!(k("213") < k("213-1") && k("213-1") < k("213-2") && k("213-2") < k("214"));
        assert!(k("202") < k("202a") && k("202a") < k("202b") && k("202b") < k("203"));
        assert!(k("IX") < k("X") && k("X") < k("XII") && k("ХІІ") == k("XII"));
        assert_eq!(key("9 c"), None);
        assert_eq!(key("4:9c"), None);
    }
}
