//! Redline engine and renderers on Kazakh, Russian, Chinese and German text.
//! The sentences are test data, not official wording.

use expect_test::{Expect, expect};
use zan::redline::terminal::TerminalStyle;
use zan::redline::{Redline, html, markdown, terminal, unified};

/// Every rendering of one comparison, ANSI escapes shown as `␛`.
fn check(old: &str, new: &str, expected: Expect) {
    let r = Redline::from_text(old, new);
    assert_eq!(r.old_text(), old);
    assert_eq!(r.new_text(), new);
    let ansi = terminal::render(&r, TerminalStyle::Ansi).replace('\x1b', "␛");
    let out = format!(
        "plain:\n{}ansi:\n{ansi}markdown:\n{}html:\n{}current md: {}\nproposed md: {}\n\
     current html: {}\nproposed html: {}\nunified:\n{}",
        terminal::render(&r, TerminalStyle::Plain),
        markdown::render(&r),
        html::render(&r),
        markdown::current_side(&r),
        markdown::proposed_side(&r),
        html::current_side(&r),
        html::proposed_side(&r),
        unified::render(&r, "old", "new"),
    );
    expected.assert_eq(&out);
}

fn plain(old: &str, new: &str) -> String {
    terminal::render(&Redline::from_text(old, new), TerminalStyle::Plain)
}

#[test]
fn kazakh_age_marks_only_the_number() {
    check(
        "16 жасқа толған азамат",
        "14 жасқа толған азамат",
        expect![[r#"
        plain:
        [-16-]{+14+} жасқа толған азамат
        ansi:
        ␛[9;31m16␛[0m␛[4;32m14␛[0m жасқа толған азамат
        markdown:
        ~~16~~ **14** жасқа толған азамат
        html:
        <p class="zan-changed"><del class="zan-del">16</del><ins class="zan-ins">14</ins> жасқа толған азамат</p>
        current md: ~~16~~ жасқа толған азамат
        proposed md: **14** жасқа толған азамат
        current html: <del class="zan-del">16</del> жасқа толған азамат
        proposed html: <strong class="zan-ins">14</strong> жасқа толған азамат
        unified:
        --- old
        +++ new
        @@ -1 +1 @@
        -16 жасқа толған азамат
        +14 жасқа толған азамат
    "#]],
    );
}

#[test]
fn kazakh_suffix_change_marks_only_that_word() {
    check(
        "Кодекстің 16-бабында көзделген жағдайларда",
        "Кодекстің 16-бабының 2-тармағында көзделген жағдайларда",
        expect![[r#"
        plain:
        Кодекстің 16-[-бабында-]{+бабының 2-тармағында+} көзделген жағдайларда
        ansi:
        Кодекстің 16-␛[9;31mбабында␛[0m␛[4;32mбабының 2-тармағында␛[0m көзделген жағдайларда
        markdown:
        Кодекстің 16-~~бабында~~ **бабының 2-тармағында** көзделген жағдайларда
        html:
        <p class="zan-changed">Кодекстің 16-<del class="zan-del">бабында</del><ins class="zan-ins">бабының 2-тармағында</ins> көзделген жағдайларда</p>
        current md: Кодекстің 16-~~бабында~~ көзделген жағдайларда
        proposed md: Кодекстің 16-**бабының 2-тармағында** көзделген жағдайларда
        current html: Кодекстің 16-<del class="zan-del">бабында</del> көзделген жағдайларда
        proposed html: Кодекстің 16-<strong class="zan-ins">бабының 2-тармағында</strong> көзделген жағдайларда
        unified:
        --- old
        +++ new
        @@ -1 +1 @@
        -Кодекстің 16-бабында көзделген жағдайларда
        +Кодекстің 16-бабының 2-тармағында көзделген жағдайларда
    "#]],
    );
}

#[test]
fn russian_word_replaced() {
    check(
        "лицо, достигшее шестнадцатилетнего возраста",
        "лицо, достигшее четырнадцатилетнего возраста",
        expect![[r#"
        plain:
        лицо, достигшее [-шестнадцатилетнего-]{+четырнадцатилетнего+} возраста
        ansi:
        лицо, достигшее ␛[9;31mшестнадцатилетнего␛[0m␛[4;32mчетырнадцатилетнего␛[0m возраста
        markdown:
        лицо, достигшее ~~шестнадцатилетнего~~ **четырнадцатилетнего** возраста
        html:
        <p class="zan-changed">лицо, достигшее <del class="zan-del">шестнадцатилетнего</del><ins class="zan-ins">четырнадцатилетнего</ins> возраста</p>
        current md: лицо, достигшее ~~шестнадцатилетнего~~ возраста
        proposed md: лицо, достигшее **четырнадцатилетнего** возраста
        current html: лицо, достигшее <del class="zan-del">шестнадцатилетнего</del> возраста
        proposed html: лицо, достигшее <strong class="zan-ins">четырнадцатилетнего</strong> возраста
        unified:
        --- old
        +++ new
        @@ -1 +1 @@
        -лицо, достигшее шестнадцатилетнего возраста
        +лицо, достигшее четырнадцатилетнего возраста
    "#]],
    );
}

#[test]
fn russian_phrase_replaced_as_one_run() {
    assert_eq!(
        plain(
            "Настоящий Закон вводится в действие с 1 января 2025 года.",
            "Настоящий Закон вводится в действие по истечении десяти календарных дней."
        ),
        "Настоящий Закон вводится в действие [-с 1 января 2025 года-]\
     {+по истечении десяти календарных дней+}.\n"
    );
}

#[test]
fn chinese_marks_single_ideograph() {
    check(
        "年满十六周岁的人",
        "年满十四周岁的人",
        expect![[r#"
    plain:
    年满十[-六-]{+四+}周岁的人
    ansi:
    年满十␛[9;31m六␛[0m␛[4;32m四␛[0m周岁的人
    markdown:
    年满十~~六~~**四**周岁的人
    html:
    <p class="zan-changed">年满十<del class="zan-del">六</del><ins class="zan-ins">四</ins>周岁的人</p>
    current md: 年满十~~六~~周岁的人
    proposed md: 年满十**四**周岁的人
    current html: 年满十<del class="zan-del">六</del>周岁的人
    proposed html: 年满十<strong class="zan-ins">四</strong>周岁的人
    unified:
    --- old
    +++ new
    @@ -1 +1 @@
    -年满十六周岁的人
    +年满十四周岁的人
"#]],
    );
}

#[test]
fn german_word_replaced() {
    assert_eq!(
        plain(
            "Wer das sechzehnte Lebensjahr vollendet hat, ist strafmündig.",
            "Wer das vierzehnte Lebensjahr vollendet hat, ist strafmündig."
        ),
        "Wer das [-sechzehnte-]{+vierzehnte+} Lebensjahr vollendet hat, ist strafmündig.\n"
    );
}

#[test]
fn spaces_between_changed_words_are_folded_into_one_run() {
    assert_eq!(
        plain("Осы бап бір екі үш ережелерін белгілейді", "Осы бап төрт бес алты ережелерін белгілейді"),
        "Осы бап [-бір екі үш-]{+төрт бес алты+} ережелерін белгілейді\n"
    );
}

#[test]
fn inserted_word_starts_with_the_word_not_the_space() {
    assert_eq!(plain("a c", "a b c"), "a {+b +}c\n");
    assert_eq!(plain("a b c", "a c"), "a [-b -]c\n");
    assert_eq!(plain("a b", "a b c"), "a b{+ c+}\n");
}

#[test]
fn inserted_paragraph() {
    check(
        "бірінші\nекінші\nүшінші",
        "бірінші\nекінші жаңа\nмүлдем басқа сөйлем\nүшінші",
        expect![[r#"
        plain:
        бірінші
        екінші{+ жаңа+}
        {+мүлдем басқа сөйлем+}
        үшінші
        ansi:
        бірінші
        екінші␛[4;32m жаңа␛[0m
        ␛[4;32mмүлдем басқа сөйлем␛[0m
        үшінші
        markdown:
        бірінші

        екінші **жаңа**

        **мүлдем басқа сөйлем**

        үшінші
        html:
        <p class="zan-unchanged">бірінші</p>
        <p class="zan-changed">екінші<ins class="zan-ins"> жаңа</ins></p>
        <p class="zan-inserted"><ins class="zan-ins">мүлдем басқа сөйлем</ins></p>
        <p class="zan-unchanged">үшінші</p>
        current md: бірінші<br>екінші<br>үшінші
        proposed md: бірінші<br>екінші **жаңа**<br>**мүлдем басқа сөйлем**<br>үшінші
        current html: бірінші<br>екінші<br>үшінші
        proposed html: бірінші<br>екінші<strong class="zan-ins"> жаңа</strong><br><strong class="zan-ins">мүлдем басқа сөйлем</strong><br>үшінші
        unified:
        --- old
        +++ new
        @@ -1,3 +1,4 @@
         бірінші
        -екінші
        +екінші жаңа
        +мүлдем басқа сөйлем
         үшінші
    "#]],
    );
}

#[test]
fn deleted_paragraph() {
    check(
        "бірінші\nекінші\nүшінші",
        "бірінші\nүшінші",
        expect![[r#"
        plain:
        бірінші
        [-екінші-]
        үшінші
        ansi:
        бірінші
        ␛[9;31mекінші␛[0m
        үшінші
        markdown:
        бірінші

        ~~екінші~~

        үшінші
        html:
        <p class="zan-unchanged">бірінші</p>
        <p class="zan-deleted"><del class="zan-del">екінші</del></p>
        <p class="zan-unchanged">үшінші</p>
        current md: бірінші<br>~~екінші~~<br>үшінші
        proposed md: бірінші<br>үшінші
        current html: бірінші<br><del class="zan-del">екінші</del><br>үшінші
        proposed html: бірінші<br>үшінші
        unified:
        --- old
        +++ new
        @@ -1,3 +1,2 @@
         бірінші
        -екінші
         үшінші
    "#]],
    );
}

#[test]
fn rewritten_paragraph_is_deleted_and_inserted() {
    assert_eq!(
        plain("бір екі үш төрт", "бес алты жеті төрт"),
        "[-бір екі үш төрт-]\n{+бес алты жеті төрт+}\n"
    );
}

#[test]
fn whole_unit_inserted_has_no_empty_old_paragraph() {
    let r = Redline::from_text("", "жаңа бап");
    expect![[r#"{"paragraphs":[{"kind":"inserted","segments":[{"kind":"insert","text":"жаңа бап"}]}]}"#]]
        .assert_eq(&serde_json::to_string(&r).unwrap());
}

#[test]
fn identical_texts_are_unchanged() {
    let r = Redline::from_text("бір\nекі", "бір\nекі");
    assert!(r.is_unchanged());
    assert_eq!(unified::render(&r, "old", "new"), "");
}

#[test]
fn markup_in_corpus_text_is_shown_literally() {
    check(
        "x <script>alert(1)</script> y",
        "x <b>*bold*</b> | _u_ `c` & y",
        expect![[r#"
        plain:
        [-x <script>alert(1)</script> y-]
        {+x <b>*bold*</b> | _u_ `c` & y+}
        ansi:
        ␛[9;31mx <script>alert(1)</script> y␛[0m
        ␛[4;32mx <b>*bold*</b> | _u_ `c` & y␛[0m
        markdown:
        ~~x \<script\>alert(1)\</script\> y~~

        **x \<b\>\*bold\*\</b\> \| \_u\_ \`c\` \& y**
        html:
        <p class="zan-deleted"><del class="zan-del">x &lt;script&gt;alert(1)&lt;/script&gt; y</del></p>
        <p class="zan-inserted"><ins class="zan-ins">x &lt;b&gt;*bold*&lt;/b&gt; | _u_ `c` &amp; y</ins></p>
        current md: ~~x \<script\>alert(1)\</script\> y~~
        proposed md: **x \<b\>\*bold\*\</b\> \| \_u\_ \`c\` \& y**
        current html: <del class="zan-del">x &lt;script&gt;alert(1)&lt;/script&gt; y</del>
        proposed html: <strong class="zan-ins">x &lt;b&gt;*bold*&lt;/b&gt; | _u_ `c` &amp; y</strong>
        unified:
        --- old
        +++ new
        @@ -1 +1 @@
        -x <script>alert(1)</script> y
        +x <b>*bold*</b> | _u_ `c` & y
    "#]],
    );
}

#[test]
fn markdown_escapes_table_pipe_and_emphasis_inside_a_change() {
    check(
        "баптың 1-тармағы | *күші жойылды*",
        "баптың 2-тармағы | *күші жойылды*",
        expect![[r#"
        plain:
        баптың [-1-]{+2+}-тармағы | *күші жойылды*
        ansi:
        баптың ␛[9;31m1␛[0m␛[4;32m2␛[0m-тармағы | *күші жойылды*
        markdown:
        баптың ~~1~~ **2**-тармағы \| \*күші жойылды\*
        html:
        <p class="zan-changed">баптың <del class="zan-del">1</del><ins class="zan-ins">2</ins>-тармағы | *күші жойылды*</p>
        current md: баптың ~~1~~-тармағы \| \*күші жойылды\*
        proposed md: баптың **2**-тармағы \| \*күші жойылды\*
        current html: баптың <del class="zan-del">1</del>-тармағы | *күші жойылды*
        proposed html: баптың <strong class="zan-ins">2</strong>-тармағы | *күші жойылды*
        unified:
        --- old
        +++ new
        @@ -1 +1 @@
        -баптың 1-тармағы | *күші жойылды*
        +баптың 2-тармағы | *күші жойылды*
    "#]],
    );
}

#[test]
fn markdown_falls_back_to_html_where_delimiters_would_not_close() {
    check(
        "a, b",
        "a b",
        expect![[r#"
    plain:
    a[-,-] b
    ansi:
    a␛[9;31m,␛[0m b
    markdown:
    a<del>,</del> b
    html:
    <p class="zan-changed">a<del class="zan-del">,</del> b</p>
    current md: a<del>,</del> b
    proposed md: a b
    current html: a<del class="zan-del">,</del> b
    proposed html: a b
    unified:
    --- old
    +++ new
    @@ -1 +1 @@
    -a, b
    +a b
"#]],
    );
}

#[test]
fn markdown_paragraph_start_does_not_become_a_list_or_heading() {
    let text = "1) бірінші\n# екінші\n- үшінші\n    төртінші";
    let r = Redline::from_text(text, text);
    expect![[r#"
    1\) бірінші

    \# екінші

    \- үшінші

    &#32;&#32;&#32;&#32;төртінші
"#]]
    .assert_eq(&markdown::render(&r));
}

#[test]
fn terminal_shows_control_characters_escaped() {
    assert_eq!(plain("a\u{1b}[2Jb", "a\u{1b}[2Jc"), "a\\u{1b}[[-2Jb-]{+2Jc+}\n");
    // C1 controls and DEL too; tabs, and letters whose UTF-8 starts like C1 (`§`, `«`), are kept.
    let text = "§ «x»\u{85}\u{7f}\tы\u{9f}";
    assert_eq!(plain(text, text), "§ «x»\\u{85}\\u{7f}\tы\\u{9f}\n");
}

#[test]
fn inserted_paragraph_before_changed_ones_is_paired_by_similarity() {
    let r = Redline::new(
        &["бірінші тармақ 16 жасқа толған", "екінші тармақ күшін жояды"],
        &["мүлдем жаңа ереже", "бірінші тармақ 14 жасқа толған", "екінші тармақ күшін жоймайды"],
    );
    assert_eq!(
        terminal::render(&r, TerminalStyle::Plain),
        "{+мүлдем жаңа ереже+}\n\
         бірінші тармақ [-16-]{+14+} жасқа толған\n\
         екінші тармақ күшін [-жояды-]{+жоймайды+}\n"
    );
}

#[test]
fn large_changed_block_is_paired_by_position() {
    let old: Vec<String> = (0..40).map(|k| format!("{k}-тармақ бойынша мерзім")).collect();
    let new: Vec<String> = (0..40).map(|k| format!("{k}-тармақ бойынша жаңа мерзім")).collect();
    let old: Vec<&str> = old.iter().map(String::as_str).collect();
    let new: Vec<&str> = new.iter().map(String::as_str).collect();
    let r = Redline::new(&old, &new);
    let lines = terminal::render(&r, TerminalStyle::Plain);
    assert_eq!(lines.lines().count(), 40);
    assert_eq!(lines.lines().nth(39), Some("39-тармақ бойынша {+жаңа +}мерзім"));
}
