#[test]
fn bench_tmp_ghes() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/specs/apisguru--github.com_ghes-3.6.json");
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    for _ in 0..20 {
        let mut d = crate::diagnostics::Diagnostics::new("x");
        let t = std::time::Instant::now();
        let api = crate::lower::lower(&doc, &mut d);
        let e = t.elapsed();
        let t2 = std::time::Instant::now();
        drop(api);
        println!("{e:?} drop {:?}", t2.elapsed());
    }
}
