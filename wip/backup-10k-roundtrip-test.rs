#[test]
fn ten_thousand_entries_and_300_attachments_restore_to_the_same_export() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kluis");
    let code = init(&dir);
    let mut sizes = vec![50 * 1024 * 1024];
    sizes.extend((1..300).map(|i| 2_000 + i * 97));
    fill(&dir, 10_000, &sizes);
    let file = tmp.path().join("kopie.age");
    ok(&dossier(
        &["backup", s(&dir), s(&file)],
        &[("DOSSIER_PASSPHRASE", PASS)],
    ));
    let out = ok(&dossier(
        &["backup-check", s(&file)],
        &[("DOSSIER_RECOVERY_CODE", &code)],
    ));
    assert!(out.contains("9999 entries"), "{out}");
    assert!(out.contains("300 attachments"), "{out}");
    let target = tmp.path().join("terug");
    ok(&dossier(
        &["restore", s(&file), s(&target)],
        &[
            ("DOSSIER_RECOVERY_CODE", &code),
            ("DOSSIER_NEW_PASSPHRASE", NEW_PASS),
        ],
    ));
    let open_new = [("DOSSIER_PASSPHRASE", NEW_PASS)];
    {
        let (a, b) = ("a.json", "b.json");
        ok(&dossier(
            &[
                "export-json",
                s(&dir),
                s(&tmp.path().join(a)),
                "--with-attachments",
            ],
            &[("DOSSIER_PASSPHRASE", PASS)],
        ));
        ok(&dossier(
            &[
                "export-json",
                s(&target),
                s(&tmp.path().join(b)),
                "--with-attachments",
            ],
            &open_new,
        ));
        let x = fs::read(tmp.path().join(a)).unwrap();
        let y = fs::read(tmp.path().join(b)).unwrap();
        assert!(
            x.len() > 60_000_000,
            "the 50 MB attachment is in the export"
        );
        assert!(x == y, "export-json differs after restore");
    }
    let chain = |d: &Path, env: &[(&str, &str)]| -> String {
        ok(&dossier(&["verify", s(d)], env))
            .lines()
            .find(|l| l.starts_with("Chain head"))
            .unwrap()
            .to_string()
    };
    assert_eq!(
        chain(&dir, &[("DOSSIER_PASSPHRASE", PASS)]),
        chain(&target, &open_new)
    );
    for what in ["cases", "exemptions"] {
        let a = json_of(&[what, s(&dir), "--json"]);
        let b: serde_json::Value =
            serde_json::from_str(&ok(&dossier(&[what, s(&target), "--json"], &open_new))).unwrap();
        assert_eq!(a, b, "{what}");
    }
}


fn json_of(args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&ok(&dossier(args, &[("DOSSIER_PASSPHRASE", PASS)]))).unwrap()
}
