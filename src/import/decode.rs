//! Bytes of an official text to lines of Unicode text: the format (plain
//! text, `.docx`, `.html` as saved from the official database's page) and,
//! for plain text and HTML, the encoding (UTF-8, UTF-16 with or without a
//! byte-order mark, Windows-1251), converted with `encoding_rs`.

use std::io::Read;

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1251};

/// What a file was read as, for the user: "read as Windows-1251".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The format and encoding when they are not plain UTF-8 text.
    pub read_as: Option<String>,
}

/// The text of a file, or why it cannot be read.
pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    if bytes.starts_with(b"PK\x03\x04") {
        return docx(bytes).map(|text| Decoded { text, read_as: Some("DOCX".into()) });
    }
    let (text, encoding) = plain(bytes);
    if looks_like_html(&text) {
        // Bytes that are not UTF-8 are in the encoding the page's `<meta
        // charset>` names, when it names another legacy one (KOI8-R).
        let (text, encoding) = match meta_charset(&text) {
            Some(meta) if encoding == WINDOWS_1251 && meta != UTF_8 && meta != encoding => {
                (meta.decode_without_bom_handling(bytes).0.into_owned(), meta)
            }
            _ => (text, encoding),
        };
        let named =
            if encoding == UTF_8 { "HTML".to_string() } else { format!("HTML in {}", encoding.name()) };
        return Ok(Decoded { text: html(&text), read_as: Some(named) });
    }
    let read_as = (encoding != UTF_8).then(|| encoding.name().to_string());
    Ok(Decoded { text, read_as })
}

/// Plain text: a byte-order mark decides; else UTF-16 when the start holds
/// NUL bytes; else UTF-8 when it is valid; else Windows-1251,
/// the encoding of Cyrillic texts saved by older Windows programs.
fn plain(bytes: &[u8]) -> (String, &'static Encoding) {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return (encoding.decode_without_bom_handling(&bytes[bom..]).0.into_owned(), encoding);
    }
    // Text never holds NUL, but UTF-16 writes one in every space, digit
    // and Latin letter: after it in little-endian, before it in big-endian.
    let head = &bytes[..bytes.len().min(4096) & !1];
    let zeros = |odd: usize| head.iter().skip(odd).step_by(2).filter(|&&b| b == 0).count();
    if zeros(0) + zeros(1) > 0 {
        let encoding = if zeros(1) >= zeros(0) { UTF_16LE } else { UTF_16BE };
        return (encoding.decode_without_bom_handling(bytes).0.into_owned(), encoding);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), UTF_8),
        Err(_) => (WINDOWS_1251.decode_without_bom_handling(bytes).0.into_owned(), WINDOWS_1251),
    }
}

fn looks_like_html(text: &str) -> bool {
    let head: String = text.trim_start().chars().take(200).collect::<String>().to_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<body")
}

fn meta_charset(text: &str) -> Option<&'static Encoding> {
    let lower = text.chars().take(4096).collect::<String>().to_lowercase();
    let at = lower.find("charset=")? + "charset=".len();
    let name: String = lower[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '-')
        .collect();
    Encoding::for_label(name.as_bytes())
}

/// The paragraphs of a `.docx`: each `w:p` a line, `w:t` its words, `w:tab`
/// a space, `w:br` a line break.
fn docx(bytes: &[u8]) -> Result<String, String> {
    use quick_xml::events::Event;
    let mut zip =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| format!("not a DOCX file ({e})"))?;
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .map_err(|_| "not a DOCX file (no word/document.xml)".to_string())?
        .read_to_string(&mut xml)
        .map_err(|e| format!("not a DOCX file ({e})"))?;
    let mut reader = quick_xml::Reader::from_str(&xml);
    let (mut out, mut in_text) = (String::new(), false);
    loop {
        match reader
            .read_event()
            .map_err(|e| format!("broken DOCX XML at byte {} ({e})", reader.buffer_position()))?
        {
            Event::Start(e) if e.name().as_ref() == b"w:t" => in_text = true,
            Event::End(e) if e.name().as_ref() == b"w:t" => in_text = false,
            Event::End(e) if e.name().as_ref() == b"w:p" => out.push('\n'),
            Event::Empty(e) if e.name().as_ref() == b"w:tab" => out.push(' '),
            Event::Empty(e) if e.name().as_ref() == b"w:br" => out.push('\n'),
            Event::Text(t) if in_text => {
                out.push_str(&t.decode().map_err(|e| format!("broken DOCX text ({e})"))?);
            }
            Event::GeneralRef(r) if in_text => {
                let name = r.decode().map_err(|e| format!("broken DOCX text ({e})"))?;
                out.push_str(&entity(&name).unwrap_or_default());
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// The text of an HTML page: tags dropped, a line break at each block
/// element, the contents of `script`, `style` and `head` left out, entities
/// resolved.
fn html(page: &str) -> String {
    const BLOCKS: [&str; 14] =
        ["p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article"];
    let mut out = String::new();
    let mut rest = page;
    let mut skip_until: Option<&str> = None;
    while let Some(lt) = rest.find('<') {
        if skip_until.is_none() {
            push_text(&mut out, &rest[..lt]);
        }
        let after = &rest[lt + 1..];
        let Some(gt) = after.find('>') else { break };
        let tag = &after[..gt];
        rest = &after[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if let Some(end) = skip_until {
            if closing && name == end {
                skip_until = None;
            }
            continue;
        }
        match name.as_str() {
            "script" if !closing => skip_until = Some("script"),
            "style" if !closing => skip_until = Some("style"),
            "head" if !closing => skip_until = Some("head"),
            n if BLOCKS.contains(&n) => out.push('\n'),
            _ => {}
        }
    }
    if skip_until.is_none() {
        push_text(&mut out, rest);
    }
    out
}

/// Text between tags: its line breaks are spaces (HTML wraps freely), its
/// entities resolved.
fn push_text(out: &mut String, raw: &str) {
    let flat = raw.replace(['\r', '\n'], " ");
    let mut rest = flat.as_str();
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        match after.find(';').filter(|&e| e <= 10).and_then(|e| Some((entity(&after[..e])?, e))) {
            Some((c, e)) => {
                out.push_str(&c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

/// A named or numeric character reference, without `&` and `;`.
pub(crate) fn entity(name: &str) -> Option<String> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).map(String::from);
    }
    let c = match name {
        "nbsp" => '\u{a0}',
        "laquo" => '«',
        "raquo" => '»',
        "quot" => '"',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "apos" => '\'',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "bdquo" => '„',
        "ldquo" => '“',
        "rdquo" => '”',
        "sect" => '§',
        "numero" => '№',
        _ => return None,
    };
    Some(c.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cp1251_and_utf16() {
        let (bytes, _, _) = WINDOWS_1251.encode("Статья 1. Закон");
        let d = decode(&bytes).unwrap();
        assert_eq!((d.text.as_str(), d.read_as.as_deref()), ("Статья 1. Закон", Some("windows-1251")));
        let mut utf16: Vec<u8> = Vec::new();
        for u in "1-бап. Заң".encode_utf16() {
            utf16.extend(u.to_le_bytes());
        }
        let d = decode(&utf16).unwrap();
        assert_eq!((d.text.as_str(), d.read_as.as_deref()), ("1-бап. Заң", Some("UTF-16LE")));
    }

    #[test]
    fn html_blocks_entities_and_scripts() {
        let page = "<html><head><title>x</title></head><body><script>var a='<p>';</script>\
                    <p>Статья&nbsp;1.&#32;Закон</p><p>&laquo;слово&raquo; &amp; &unknown;</p></body></html>";
        let d = decode(page.as_bytes()).unwrap();
        assert_eq!(d.text, "\nСтатья\u{a0}1. Закон\n\n«слово» & &unknown;\n");
        assert_eq!(d.read_as.as_deref(), Some("HTML"));
    }
}
