//! `tarjama segment`: blocks and sentences as JSONL.

use serde_json::Value;

use crate::util;

fn blocks(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|line| {
            serde_json::from_str(line).expect("one JSON object a line")
        })
        .collect()
}

#[test]
fn interview_from_stdin_gives_one_object_per_block() {
    let text = "\u{FEFF}Water chief: half capacity\r\n\
                DEIR EZZOR, Sept. 3, 2024 —\r\n\
                \r\n\
                Q:\u{00A0}What broke?\r\n\
                A: The pumps.  Dr. Ali says so.\r\n\
                - Power cuts.\r\n\
                Photo: A pump (Nahr Press)\r\n\
                Read more: Bread prices\r\n";
    let out = util::run_ok(&["segment", "--lang", "en"], text);
    let blocks = blocks(&out);
    let kinds: Vec<&str> =
        blocks.iter().map(|b| b["kind"].as_str().unwrap()).collect();
    assert_eq!(
        kinds,
        [
            "title",
            "dateline",
            "question",
            "answer",
            "bullet",
            "caption",
            "boilerplate"
        ]
    );
    let question = &blocks[2];
    assert_eq!(question["marker"]["kind"], "question");
    assert_eq!(question["marker"]["text"], "Q:");
    assert_eq!(question["role"], "question");
    assert_eq!(question["turn"], 0);
    assert_eq!(question["line"], 4);
    let answer = &blocks[3];
    assert_eq!(answer["sentences"][0]["text"], "The pumps.");
    assert_eq!(answer["sentences"][1]["text"], "Dr. Ali says so.");
    assert_eq!(answer["sentences"][1]["index"], 4);
    // Spans are byte offsets into the input, BOM and CRLF included.
    let span = &answer["sentences"][1]["span"];
    let (start, end) = (
        span[0].as_u64().unwrap() as usize,
        span[1].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[start..end], "Dr. Ali says so.");
    assert_eq!(blocks[4]["role"], "answer");
    assert_eq!(blocks[5]["role"], "other");
}

#[test]
fn the_example_in_the_format_doc_is_verbatim() {
    let doc =
        std::fs::read_to_string(util::root().join("docs/formats/segment.md"))
            .unwrap();
    let expected: String = doc
        .split("```json\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .unwrap()
        .to_string();
    let out = util::run_ok(
        &["segment", "--lang", "en"],
        "Water chief: half capacity\nQ: What broke?\n\
         A: The pumps are old.  Dr. Ali says so.\n",
    );
    assert_eq!(out, expected);
}

#[test]
fn language_comes_from_the_file_name() {
    let path = util::root().join("corpus/samples/water-deir-ez-zor.ar.txt");
    if !path.exists() {
        return;
    }
    let out = util::run_ok(&["segment", path.to_str().unwrap()], "");
    let blocks = blocks(&out);
    let gold = std::fs::read_to_string(
        util::root().join("corpus/samples/gold/water-deir-ez-zor.ar.sents"),
    )
    .unwrap();
    let sentences: Vec<String> = blocks
        .iter()
        .flat_map(|b| b["sentences"].as_array().unwrap().clone())
        .map(|s| s["text"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(sentences, gold.lines().collect::<Vec<_>>());
    assert!(blocks.iter().any(|b| b["marker"]["text"] == "س:"));
}

#[test]
fn presegmented_keeps_lines_and_paragraphs() {
    let out = util::run_ok(
        &["segment", "--lang", "ar", "--presegmented"],
        "جملة أولى. وثانية؟\r\nجملة ثالثة\r\n\r\nفقرة ثانية\n",
    );
    let blocks = blocks(&out);
    assert_eq!(blocks.len(), 2);
    assert_eq!(blocks[0]["sentences"].as_array().unwrap().len(), 2);
    assert_eq!(blocks[0]["sentences"][0]["text"], "جملة أولى. وثانية؟");
    assert_eq!(blocks[1]["sentences"][0]["index"], 2);
    assert_eq!(blocks[1]["kind"], "paragraph");
}

#[test]
fn output_file_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.jsonl");
    let out = util::run_ok(
        &["segment", "--lang", "en", "-o", path.to_str().unwrap()],
        "One. Two.\n",
    );
    assert!(out.is_empty());
    let written = std::fs::read_to_string(&path).unwrap();
    assert_eq!(blocks(&written).len(), 1);
}

#[test]
fn usage_and_input_errors() {
    // No language and no file name to take it from: usage error.
    let out = util::run(&["segment"], b"text\n");
    assert_eq!(out.status.code(), Some(2));
    let out = util::run(&["segment", "--lang", "english"], b"text\n");
    assert_eq!(out.status.code(), Some(2));
    // Invalid UTF-8 is bad input unless --lossy.
    let out = util::run(&["segment", "--lang", "en"], b"ok\n\xff bad\n");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("<stdin>:2:"), "{stderr}");
    let out =
        util::run(&["segment", "--lang", "en", "--lossy"], b"ok\n\xff bad\n");
    assert!(out.status.success());
    // A stray answer marker is a warning, not an error.
    let out = util::run(&["segment", "--lang", "en"], b"Title\nA: early.\n");
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("<stdin>:2: warning:"), "{stderr}");
}
