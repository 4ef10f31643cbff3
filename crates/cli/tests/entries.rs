//! `dossier add/list/import/export-json/verify/people/person-add/klantmanager` as scripts
//! and advocates use them: every field of every kind through the JSON, filters, the demo
//! dossier, and the exit codes of what goes wrong.
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const PASS: &str = "mijn geheime zin 2026";

fn dossier(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .env_remove("DOSSIER_RECOVERY_CODE")
        .env_remove("DOSSIER_NEW_PASSPHRASE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "en_GB.UTF-8")
        .env("DOSSIER_PASSPHRASE", PASS)
        .stdin(Stdio::null())
        .output()
        .expect("run dossier")
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// Runs a command that must fail; returns its exit code and stderr.
fn fails(args: &[&str]) -> (i32, String) {
    let out = dossier(args);
    assert!(!out.status.success(), "{args:?} should fail");
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn init(dir: &Path) -> String {
    ok(&dossier(&["init", dir.to_str().unwrap()]));
    dir.to_str().unwrap().to_string()
}

fn list_json(d: &str, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["list", d, "--json"];
    args.extend_from_slice(extra);
    serde_json::from_str::<Value>(&ok(&dossier(&args)))
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn titles(rows: &[Value]) -> Vec<String> {
    rows.iter()
        .map(|r| r["title"].as_str().unwrap().to_string())
        .collect()
}

/// What an entry says, without what the dossier assigns (id, timestamps).
fn content(v: &Value) -> Value {
    let mut v = v.clone();
    let m = v.as_object_mut().unwrap();
    for k in ["id", "created_at", "updated_at", "klantmanager"] {
        m.remove(k);
    }
    v
}

const KINDS: [&str; 17] = [
    "letter-in",
    "letter-out",
    "call-in",
    "call-out",
    "meeting",
    "home-visit",
    "video-call",
    "email-in",
    "email-out",
    "sms",
    "portal",
    "decision",
    "medical-assessment",
    "agreement",
    "signed",
    "job-application",
    "note",
];

#[test]
fn every_kind_with_every_flag_round_trips_through_list_json_and_import() {
    let tmp = tempfile::tempdir().unwrap();
    let a = init(&tmp.path().join("a"));
    for (i, kind) in KINDS.iter().enumerate() {
        let title = format!("Titel {kind}");
        let kenmerk = format!("WPI/2026/{i}");
        let mut args = vec![
            "add",
            &a,
            "--kind",
            kind,
            "--date",
            "2026-03-04",
            "--time",
            "09:30",
            "--title",
            &title,
            "--notes",
            "Wat er gebeurde",
            "--person",
            "Kees Bakker:belde mij",
            "--person",
            "Anouk",
            "--org",
            "WPI Amsterdam",
            "--kenmerk",
            &kenmerk,
            "--threat",
            "korting van 30%",
            "--letter-dated",
            "2026-03-01",
            "--sent",
            "2026-03-02",
            "--received",
            "2026-03-04",
            "--tag",
            "ontheffing",
            "--tag",
            "bezwaar",
            "--follow-up",
            "2026-12-01",
        ];
        if *kind == "medical-assessment" {
            args.push("--medical");
        }
        assert_eq!(ok(&dossier(&args)).trim(), (i + 1).to_string(), "{kind}");
    }
    let mut rows = list_json(&a, &[]);
    assert_eq!(rows.len(), KINDS.len());
    for (row, kind) in rows.iter().zip(KINDS) {
        let want = serde_json::json!({
            "kind": kind, "occurred_on": "2026-03-04", "time": "09:30",
            "title": format!("Titel {kind}"), "notes": "Wat er gebeurde",
            "organisation": "WPI Amsterdam", "threat": true, "threat_text": "korting van 30%",
            "letter_dated": "2026-03-01", "sent_on": "2026-03-02", "received_on": "2026-03-04",
            "follow_up_on": "2026-12-01", "medical": kind == "medical-assessment",
            "tags": ["bezwaar", "ontheffing"],
            "people": [{"name": "Kees Bakker", "role": "belde mij"}, {"name": "Anouk", "role": ""}],
        });
        for (k, v) in want.as_object().unwrap() {
            assert_eq!(&row[k], v, "{kind}: {k}");
        }
        assert!(row["kenmerk"].as_str().unwrap().starts_with("WPI/2026/"));
    }
    // The fields `add` has no flag for travel through the JSON too.
    for row in &mut rows {
        let m = row.as_object_mut().unwrap();
        for (k, v) in [
            ("asked", "Mijn cv"),
            ("promised", "Terugbellen"),
            ("agreed", "Alleen e-mail"),
            ("place", "Kantoor Nieuw-West"),
            ("channel", "telefoon"),
            ("companions", "Joop (getuige)"),
        ] {
            m.insert(k.into(), Value::String(v.into()));
        }
    }
    let file = tmp.path().join("alles.json");
    std::fs::write(&file, serde_json::to_vec(&rows).unwrap()).unwrap();
    let b = init(&tmp.path().join("b"));
    let said = ok(&dossier(&["import", &b, file.to_str().unwrap()]));
    assert!(
        said.contains("Imported 17 entries") && said.contains("2 people"),
        "{said}"
    );
    let back = list_json(&b, &[]);
    assert_eq!(back.len(), rows.len());
    for (got, sent) in back.iter().zip(&rows) {
        assert_eq!(content(got), content(sent), "{}", sent["kind"]);
    }
    let people = ok(&dossier(&["people", &b]));
    assert_eq!(people.lines().count(), 2, "{people}");
}

#[test]
fn the_demo_dossier_imports_and_its_year_can_be_filtered() {
    let tmp = tempfile::tempdir().unwrap();
    let d = init(&tmp.path().join("demo"));
    let demo = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../assets/demo/demo-dossier.json"
    );
    let file: Value = serde_json::from_str(&std::fs::read_to_string(demo).unwrap()).unwrap();
    let n = file["entries"].as_array().unwrap().len();
    assert!(n >= 68, "a year of contacts");
    let said = ok(&dossier(&["import", &d, demo]));
    assert!(said.contains(&format!("Imported {n} entries")), "{said}");
    assert!(
        said.contains("8 people and 2 klantmanager periods"),
        "{said}"
    );
    let all = list_json(&d, &[]);
    assert_eq!(all.len(), n);
    let kinds: std::collections::BTreeSet<&str> =
        all.iter().map(|r| r["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds.len(), 17, "every kind appears in the demo");
    assert_eq!(all[0]["occurred_on"], "2025-11-04");
    assert_eq!(all[0]["klantmanager"], "Petra de Wit");
    assert_eq!(all[n - 1]["klantmanager"], "Ruben Kok");

    let sanction = list_json(&d, &["--kind", "decision", "--search", "30% drie"]);
    assert_eq!(
        titles(&sanction),
        ["Besluit: maatregel van 30% voor drie maanden"]
    );
    assert_eq!(sanction[0]["kenmerk"], "WPI/BES/2026/07731");
    let jobhunter = list_json(&d, &["--person", "dennis brouwer", "--kind", "call-in"]);
    assert_eq!(jobhunter.len(), 3);
    assert!(jobhunter
        .iter()
        .all(|r| r["threat"] == true || r["occurred_on"] == "2026-01-20"));
    let medical = list_json(&d, &["--medical"]);
    assert!(!medical.is_empty() && medical.iter().all(|r| r["medical"] == true));
    let not_medical = list_json(&d, &["--no-medical"]);
    assert_eq!(medical.len() + not_medical.len(), n);
    let spring = list_json(
        &d,
        &[
            "--from",
            "2026-04-01",
            "--to",
            "2026-04-30",
            "--kind",
            "letter-out",
            "--kind",
            "decision",
        ],
    );
    assert_eq!(
        titles(&spring),
        [
            "Besluit: maatregel van 30% voor drie maanden",
            "Voorlopig bezwaar tegen de maatregel"
        ]
    );
    let tagged = list_json(&d, &["--tag", "bezwaar", "--org", "wpi amsterdam"]);
    assert!(tagged.len() >= 8, "{}", tagged.len());
    assert_eq!(list_json(&d, &["--search", "voedselbank"]).len(), 1);
    let (code, msg) = fails(&["list", &d, "--person", "Niemand"]);
    assert_eq!(code, 13);
    assert!(msg.contains("no person named Niemand"), "{msg}");
    let (code, _) = fails(&["list", &d, "--medical", "--no-medical"]);
    assert_eq!(code, 2, "contradicting flags are a usage error");
    let (code, msg) = fails(&["list", &d, "--from", "2026-05-01", "--to", "2026-04-01"]);
    assert_eq!(code, 13);
    assert!(msg.contains("before --from"), "{msg}");
}

#[test]
fn people_and_klantmanager_periods() {
    let tmp = tempfile::tempdir().unwrap();
    let d = init(&tmp.path().join("k"));
    let id = ok(&dossier(&[
        "person-add",
        &d,
        "--name",
        "Petra de Wit",
        "--role",
        "klantmanager",
        "--org",
        "WPI",
    ]));
    assert_eq!(id.trim(), "1");
    ok(&dossier(&[
        "person-add",
        &d,
        "--name",
        "Ruben Kok",
        "--role",
        "klantmanager",
    ]));
    let (code, msg) = fails(&["person-add", &d, "--name", "petra de wit"]);
    assert_eq!(code, 13);
    assert!(msg.contains("already a person named Petra de Wit"), "{msg}");
    let (code, msg) = fails(&["person-add", &d, "--name", "  "]);
    assert_eq!(code, 13);
    assert!(msg.contains("name"), "{msg}");

    let said = ok(&dossier(&[
        "klantmanager",
        &d,
        "--person",
        "Petra de Wit",
        "--from",
        "2025-11-01",
        "--to",
        "2026-03-15",
    ]));
    assert!(said.contains("Petra de Wit is your klantmanager from 2025-11-01 to 2026-03-15"));
    ok(&dossier(&[
        "klantmanager",
        &d,
        "--person",
        "ruben kok",
        "--from",
        "2026-03-16",
    ]));
    for (args, want) in [
        (
            vec!["--person", "Niemand", "--from", "2026-01-01"],
            "no person named Niemand",
        ),
        (
            vec!["--person", "Ruben Kok", "--from", "2026-03-15"],
            "overlaps the period of Petra de Wit",
        ),
        (
            vec![
                "--person",
                "Ruben Kok",
                "--from",
                "2027-01-01",
                "--to",
                "2026-12-31",
            ],
            "ends",
        ),
        (
            vec!["--person", "Ruben Kok", "--from", "2027-13-01"],
            "YYYY-MM-DD",
        ),
    ] {
        let mut all = vec!["klantmanager", d.as_str()];
        all.extend(args);
        let (code, msg) = fails(&all);
        assert_eq!(code, 13, "{msg}");
        assert!(msg.contains(want), "{want}: {msg}");
    }
    let people: Value = serde_json::from_str(&ok(&dossier(&["people", &d, "--json"]))).unwrap();
    assert_eq!(people[0]["name"], "Petra de Wit");
    assert_eq!(people[0]["organisation"], "WPI");
    assert_eq!(
        people[0]["klantmanager_periods"],
        serde_json::json!([{"from_on": "2025-11-01", "to_on": "2026-03-15"}])
    );
    assert_eq!(people[1]["klantmanager_periods"][0]["to_on"], Value::Null);

    ok(&dossier(&[
        "add",
        &d,
        "--kind",
        "call-in",
        "--date",
        "2026-03-15",
        "--title",
        "Laatste dag Petra",
    ]));
    ok(&dossier(&[
        "add",
        &d,
        "--kind",
        "call-in",
        "--date",
        "2026-03-16",
        "--title",
        "Eerste dag Ruben",
    ]));
    let rows = list_json(&d, &[]);
    assert_eq!(rows[0]["klantmanager"], "Petra de Wit");
    assert_eq!(rows[1]["klantmanager"], "Ruben Kok");
}

#[test]
fn verify_prints_the_chain_head_and_exits_7_when_history_was_changed() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("k");
    let d = init(&dir);
    ok(&dossier(&[
        "add",
        &d,
        "--kind",
        "note",
        "--date",
        "2026-01-05",
        "--title",
        "Eerste",
    ]));
    ok(&dossier(&[
        "add",
        &d,
        "--kind",
        "note",
        "--date",
        "2026-01-06",
        "--title",
        "Tweede",
    ]));
    let out = ok(&dossier(&["verify", &d]));
    assert!(
        out.contains("Versions: 2") && out.contains("Integrity: ok"),
        "{out}"
    );
    let head = out
        .lines()
        .find_map(|l| l.strip_prefix("Chain head: "))
        .unwrap();
    assert_eq!(head.len(), 64);
    assert!(head.chars().all(|c| c.is_ascii_hexdigit()));
    assert_eq!(
        ok(&dossier(&["verify", &d])),
        out,
        "the same head every time"
    );

    // Someone with the key rewrites an old version behind the app's back.
    {
        let opened =
            dossier_core::Dossier::open(&dir, dossier_core::Unlock::Passphrase(PASS)).unwrap();
        opened
            .conn()
            .execute_batch(
                // The triggers refuse this; someone holding the key can drop them.
                "DROP TRIGGER entry_versions_no_update;
                 UPDATE entry_versions SET content = replace(content, 'Eerste', 'Andere') WHERE seq = 1",
            )
            .unwrap();
    }
    let (code, msg) = fails(&["verify", &d]);
    assert_eq!(code, 7, "{msg}");
    assert!(msg.contains("damaged") && msg.contains("entry 1"), "{msg}");
}

#[test]
fn export_json_holds_everything_and_imports_back() {
    let tmp = tempfile::tempdir().unwrap();
    let d = init(&tmp.path().join("k"));
    ok(&dossier(&[
        "person-add",
        &d,
        "--name",
        "Petra",
        "--role",
        "klantmanager",
    ]));
    ok(&dossier(&[
        "klantmanager",
        &d,
        "--person",
        "Petra",
        "--from",
        "2026-01-01",
    ]));
    ok(&dossier(&[
        "add",
        &d,
        "--kind",
        "medical-assessment",
        "--date",
        "2026-02-26",
        "--title",
        "Keuring",
        "--medical",
        "--person",
        "dr. Visser:keuringsarts",
    ]));
    ok(&dossier(&[
        "add",
        &d,
        "--kind",
        "note",
        "--date",
        "2026-02-27",
        "--title",
        "Na de keuring",
    ]));
    let file = tmp.path().join("export.json");
    let f = file.to_str().unwrap();
    let said = ok(&dossier(&["export-json", &d, f]));
    assert!(said.contains("not encrypted"), "{said}");
    let v: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(v["format"], "dossierkluis-export");
    assert_eq!(v["entries"].as_array().unwrap().len(), 2);
    assert_eq!(v["people"].as_array().unwrap().len(), 2);
    assert_eq!(v["klantmanager_periods"][0]["person"], "Petra");
    let first = &v["entries"][0];
    assert_eq!(first["medical"], true, "everything, medical included");
    assert_eq!(first["history"][0]["action"], "create");
    assert_eq!(first["history"][0]["content"]["title"], "Keuring");
    assert_eq!(first["history"][0]["hash"].as_str().unwrap().len(), 64);
    assert_eq!(first["attachments"], serde_json::json!([]));
    assert_eq!(v["versions"], 2);

    let (code, msg) = fails(&["export-json", &d, f]);
    assert_eq!(code, 9, "never overwrites: {msg}");

    let again = init(&tmp.path().join("terug"));
    let said = ok(&dossier(&["import", &again, f]));
    assert!(
        said.contains("Imported 2 entries; added 2 people and 1 klantmanager periods"),
        "{said}"
    );
    let rows = list_json(&again, &[]);
    assert_eq!(rows[0]["people"][0]["name"], "dr. Visser");
    assert_eq!(rows[0]["klantmanager"], "Petra");
}

#[test]
fn import_is_all_or_nothing_and_names_the_bad_entry() {
    let tmp = tempfile::tempdir().unwrap();
    let d = init(&tmp.path().join("k"));
    let file = tmp.path().join("in.json");
    let f = file.to_str().unwrap();

    std::fs::write(&file, "{ niet json").unwrap();
    let (code, msg) = fails(&["import", &d, f]);
    assert_eq!(code, 13);
    assert!(msg.contains("is not an import file"), "{msg}");

    std::fs::write(
        &file,
        r#"[{"kind": "note", "occurred_on": "2026-01-01", "title": "goed"},
            {"kind": "note", "occurred_on": "2026-02-30", "title": "fout"}]"#,
    )
    .unwrap();
    let (code, msg) = fails(&["import", &d, f]);
    assert_eq!(code, 13);
    assert!(
        msg.contains("entry 2 in the file") && msg.contains("YYYY-MM-DD"),
        "{msg}"
    );

    std::fs::write(
        &file,
        r#"[{"kind": "note", "occurred_on": "2026-01-03", "title": "weg", "deleted_at": "2026-01-04T10:00:00Z"},
            {"kind": "note", "occurred_on": "2026-01-01", "title": "goed"},
            {"kind": "call-in", "occurred_on": "2026-01-02", "title": "brief", "sent_on": "2026-01-05", "received_on": "2026-01-03"}]"#,
    )
    .unwrap();
    let (code, msg) = fails(&["import", &d, f]);
    assert_eq!(code, 13);
    assert!(
        msg.contains("entry 3 in the file") && msg.contains("before the date sent"),
        "{msg}"
    );
    assert!(
        list_json(&d, &[]).is_empty(),
        "nothing of a refused file is stored"
    );

    let (code, _) = fails(&["import", &d, tmp.path().join("er-niet").to_str().unwrap()]);
    assert_eq!(code, 12);

    // A tombstone in the file is not brought back to life.
    std::fs::write(
        &file,
        r#"[{"kind": "note", "occurred_on": "2026-01-03", "title": "weg", "deleted_at": "2026-01-04T10:00:00Z"},
            {"kind": "note", "occurred_on": "2026-01-01", "title": "goed"}]"#,
    )
    .unwrap();
    let said = ok(&dossier(&["import", &d, f]));
    assert!(
        said.contains("Imported 1 entries") && said.contains("Deleted entries skipped: 1"),
        "{said}"
    );
    assert_eq!(titles(&list_json(&d, &["--deleted"])), ["goed"]);

    let (code, msg) = fails(&[
        "add",
        &d,
        "--kind",
        "note",
        "--date",
        "2026-01-01",
        "--attach",
        "/er/is/niets/hier.pdf",
    ]);
    assert_eq!(code, 13);
    assert!(msg.contains("does not exist"), "{msg}");
    let (code, msg) = fails(&[
        "add",
        &d,
        "--kind",
        "note",
        "--date",
        "2026-01-01",
        "--time",
        "25:00",
    ]);
    assert_eq!(code, 13);
    assert!(msg.contains("HH:MM"), "{msg}");
    assert_eq!(list_json(&d, &[]).len(), 1, "refused adds store nothing");
}

#[test]
fn link_an_objection_to_its_decision_and_list_it_from_both_ends() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    let d = dir.to_str().unwrap();
    let p = [("DOSSIER_PASSPHRASE", LINK_PASS)];
    assert!(run(&["init", d], &p).status.success());
    let add = |kind: &str, date: &str, title: &str| {
        let out = run(
            &["add", d, "--kind", kind, "--date", date, "--title", title],
            &p,
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap().trim().to_string()
    };
    let decision = add("decision", "2026-03-03", "Besluit maatregel");
    let objection = add("letter-out", "2026-03-20", "Bezwaarschrift");
    let out = run(
        &[
            "link",
            d,
            &objection,
            &decision,
            "--kind",
            "objection-against",
        ],
        &p,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listed = run(&["links", d, &decision], &p);
    let text = String::from_utf8(listed.stdout).unwrap();
    assert_eq!(
        text.trim(),
        format!("{objection}\tobjection-against\t{decision}")
    );
    let bad = run(
        &["link", d, &objection, &decision, "--kind", "antwoord"],
        &p,
    );
    assert_eq!(bad.status.code(), Some(13));
    let out = run(
        &[
            "link",
            d,
            &objection,
            &decision,
            "--kind",
            "objection-against",
            "--remove",
        ],
        &p,
    );
    assert!(out.status.success());
    let listed = run(&["links", d, &decision, "--json"], &p);
    let v: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 0);
}

const LINK_PASS: &str = "koppel test zin 2026";

fn run(args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"));
    cmd.args(args)
        .env_remove("DOSSIER_RECOVERY_CODE")
        .env("LANG", "en_GB.UTF-8")
        .stdin(std::process::Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}
