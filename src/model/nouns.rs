//! The names of unit kinds in every form the citations, formulae and
//! messages need: one table per language, shared by citation forms
//! (`model::cite`) and the bill's formulae (`render::phrase`).

use super::UnitKind;

/// Indices into [`kk`]: nominative, genitive, possessive, possessive
/// genitive, locative, possessive locative, instrumental, plural,
/// possessive plural.
pub const KK_NOM: usize = 0;
pub const KK_GEN: usize = 1;
pub const KK_POSS: usize = 2;
pub const KK_POSS_GEN: usize = 3;
pub const KK_PLURAL: usize = 7;
/// After a genitive, as in «15-баптың 2-3-бөліктері» («осы баптың бірінші
/// немесе екінші бөліктерінде» in a published law).
pub const KK_POSS_PLURAL: usize = 8;

/// Kazakh forms of a unit kind's name (indices above).
pub fn kk(kind: UnitKind) -> [&'static str; 9] {
    match kind {
        UnitKind::Book => [
            "кітап",
            "кітаптың",
            "кітабы",
            "кітабының",
            "кітапта",
            "кітабында",
            "кітаппен",
            "кітаптар",
            "кітаптары",
        ],
        UnitKind::Division => [
            "бөлім",
            "бөлімнің",
            "бөлімі",
            "бөлімінің",
            "бөлімде",
            "бөлімінде",
            "бөліммен",
            "бөлімдер",
            "бөлімдері",
        ],
        UnitKind::Section => [
            "бөлім",
            "бөлімнің",
            "бөлімі",
            "бөлімінің",
            "бөлімде",
            "бөлімінде",
            "бөліммен",
            "бөлімдер",
            "бөлімдері",
        ],
        UnitKind::Subsection => [
            "кіші бөлім",
            "кіші бөлімнің",
            "кіші бөлімі",
            "кіші бөлімінің",
            "кіші бөлімде",
            "кіші бөлімінде",
            "кіші бөліммен",
            "кіші бөлімдер",
            "кіші бөлімдері",
        ],
        UnitKind::Chapter => [
            "тарау",
            "тараудың",
            "тарауы",
            "тарауының",
            "тарауда",
            "тарауында",
            "тараумен",
            "тараулар",
            "тараулары",
        ],
        UnitKind::Subchapter => [
            "параграф",
            "параграфтың",
            "параграфы",
            "параграфының",
            "параграфта",
            "параграфында",
            "параграфпен",
            "параграфтар",
            "параграфтары",
        ],
        UnitKind::Article => {
            ["бап", "баптың", "бабы", "бабының", "бапта", "бабында", "баппен", "баптар", "баптары"]
        }
        UnitKind::Paragraph => ["§", "§", "§", "§", "§", "§", "§", "§§", "§§"],
        UnitKind::Part => [
            "бөлік",
            "бөліктің",
            "бөлігі",
            "бөлігінің",
            "бөлікте",
            "бөлігінде",
            "бөлікпен",
            "бөліктер",
            "бөліктері",
        ],
        UnitKind::Point => [
            "тармақ",
            "тармақтың",
            "тармағы",
            "тармағының",
            "тармақта",
            "тармағында",
            "тармақпен",
            "тармақтар",
            "тармақтары",
        ],
        UnitKind::Subpoint => [
            "тармақша",
            "тармақшаның",
            "тармақшасы",
            "тармақшасының",
            "тармақшада",
            "тармақшасында",
            "тармақшамен",
            "тармақшалар",
            "тармақшалары",
        ],
        UnitKind::Indent => [
            "абзац",
            "абзацтың",
            "абзацы",
            "абзацының",
            "абзацта",
            "абзацында",
            "абзацпен",
            "абзацтар",
            "абзацтары",
        ],
        UnitKind::Note => [
            "ескерту",
            "ескертудің",
            "ескертуі",
            "ескертуінің",
            "ескертуде",
            "ескертуінде",
            "ескертумен",
            "ескертулер",
            "ескертулері",
        ],
    }
}

/// Indices into [`ru`]: nominative, genitive, dative, accusative,
/// instrumental, prepositional, nominative plural.
pub const RU_NOM: usize = 0;
pub const RU_GEN: usize = 1;
pub const RU_PLURAL: usize = 6;

/// Russian forms of a unit kind's name (indices above).
pub fn ru(kind: UnitKind) -> [&'static str; 7] {
    match kind {
        UnitKind::Book => ["книга", "книги", "книге", "книгу", "книгой", "книге", "книги"],
        UnitKind::Division => ["раздел", "раздела", "разделу", "раздел", "разделом", "разделе", "разделы"],
        UnitKind::Section => ["раздел", "раздела", "разделу", "раздел", "разделом", "разделе", "разделы"],
        UnitKind::Subsection => {
            ["подраздел", "подраздела", "подразделу", "подраздел", "подразделом", "подразделе", "подразделы"]
        }
        UnitKind::Chapter => ["глава", "главы", "главе", "главу", "главой", "главе", "главы"],
        UnitKind::Subchapter => {
            ["параграф", "параграфа", "параграфу", "параграф", "параграфом", "параграфе", "параграфы"]
        }
        UnitKind::Article => ["статья", "статьи", "статье", "статью", "статьей", "статье", "статьи"],
        UnitKind::Paragraph => ["§", "§", "§", "§", "§", "§", "§§"],
        UnitKind::Part => ["часть", "части", "части", "часть", "частью", "части", "части"],
        UnitKind::Point => ["пункт", "пункта", "пункту", "пункт", "пунктом", "пункте", "пункты"],
        UnitKind::Subpoint => {
            ["подпункт", "подпункта", "подпункту", "подпункт", "подпунктом", "подпункте", "подпункты"]
        }
        UnitKind::Indent => ["абзац", "абзаца", "абзацу", "абзац", "абзацем", "абзаце", "абзацы"],
        UnitKind::Note => [
            "примечание",
            "примечания",
            "примечанию",
            "примечание",
            "примечанием",
            "примечании",
            "примечания",
        ],
    }
}
