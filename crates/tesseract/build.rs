//! Links the system's libtesseract (Debian: libtesseract-dev; Windows: the DLL the
//! build bundles, see ARCHITECTURE.md). Its C API is declared by hand in src/ffi.rs.
fn main() {
    println!("cargo:rustc-link-lib=dylib=tesseract");
    if let Ok(dir) = std::env::var("TESSERACT_LIB_DIR") {
        println!("cargo:rustc-link-search=native={dir}");
    }
    println!("cargo:rerun-if-env-changed=TESSERACT_LIB_DIR");
}
