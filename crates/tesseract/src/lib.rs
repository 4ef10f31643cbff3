//! Tesseract behind core's [`OcrEngine`]: pages go to libtesseract as 8-bit grayscale
//! bytes in memory (`TessBaseAPISetImage`), never as files; the cancel flag is polled by
//! Tesseract's own monitor while it recognises. One engine instance per page: a
//! `TessBaseAPI` is not safe to share between threads, and loading the Dutch model
//! (~0.2 s) is small next to reading a page.

#[cfg(feature = "corpus")]
pub mod corpus;
mod ffi;

use std::ffi::{c_int, c_void, CStr, CString};
use std::ptr;
use std::sync::atomic::{AtomicBool, Ordering};

use dossier_core::ocr::{GrayPage, OcrEngine, PageText};
use dossier_core::{Error, Result};

/// Tesseract with one language model ("nld" by default).
#[derive(Debug, Clone)]
pub struct Tesseract {
    language: CString,
    /// The tessdata folder; None for the one libtesseract was built with (Debian:
    /// /usr/share/tesseract-ocr/5/tessdata) or `TESSDATA_PREFIX`.
    datapath: Option<CString>,
}

impl Tesseract {
    /// Dutch, from the system's tessdata. Checks once that the engine starts and the
    /// model is there, so a missing package is reported before any work is done.
    pub fn dutch() -> Result<Tesseract> {
        let t = Tesseract {
            language: CString::new("nld").map_err(|_| unavailable("bad language name"))?,
            datapath: None,
        };
        Api::new(&t)?;
        Ok(t)
    }

    /// The library's version, e.g. "5.3.0".
    pub fn version() -> String {
        // SAFETY: TessVersion returns a pointer to a static NUL-terminated string.
        unsafe { CStr::from_ptr(ffi::TessVersion()) }
            .to_string_lossy()
            .into_owned()
    }
}

fn unavailable(why: &str) -> Error {
    Error::OcrUnavailable(why.to_string())
}

/// One initialised TessBaseAPI, ended and deleted on drop.
struct Api(*mut ffi::TessBaseAPI);

impl Api {
    fn new(t: &Tesseract) -> Result<Api> {
        // SAFETY: Create has no preconditions; a null result is checked.
        let handle = unsafe { ffi::TessBaseAPICreate() };
        if handle.is_null() {
            return Err(unavailable("the Tesseract engine could not be started"));
        }
        let api = Api(handle);
        let datapath = t.datapath.as_ref().map_or(ptr::null(), |d| d.as_ptr());
        // SAFETY: the handle is live; both strings are NUL-terminated and outlive the
        // call (Tesseract copies them).
        let rc = unsafe { ffi::TessBaseAPIInit3(api.0, datapath, t.language.as_ptr()) };
        if rc != 0 {
            return Err(unavailable(
                "the Dutch language data for Tesseract is missing (Debian: apt install tesseract-ocr-nld)",
            ));
        }
        // Tesseract's chatter ("Detected 12 diacritics") is not for the user's terminal.
        #[cfg(unix)]
        api.set("debug_file", "/dev/null");
        Ok(api)
    }

    fn set(&self, name: &str, value: &str) {
        if let (Ok(n), Ok(v)) = (CString::new(name), CString::new(value)) {
            // SAFETY: live handle, NUL-terminated strings copied by Tesseract.
            unsafe { ffi::TessBaseAPISetVariable(self.0, n.as_ptr(), v.as_ptr()) };
        }
    }
}

impl Drop for Api {
    fn drop(&mut self) {
        // SAFETY: the handle came from TessBaseAPICreate and is dropped once.
        unsafe {
            ffi::TessBaseAPIEnd(self.0);
            ffi::TessBaseAPIDelete(self.0);
        }
    }
}

/// Tesseract's monitor calls this between words; `this` is the cancel flag.
extern "C" fn cancelled(this: *mut c_void, _words: c_int) -> bool {
    // SAFETY: `this` is the &AtomicBool passed to read(), alive for the whole
    // Recognize call that invokes this function.
    let flag = unsafe { &*(this as *const AtomicBool) };
    flag.load(Ordering::Relaxed)
}

/// Tesseract's monitor, deleted on drop.
struct Monitor(*mut ffi::EtextDesc);

impl Drop for Monitor {
    fn drop(&mut self) {
        // SAFETY: created by TessMonitorCreate, deleted once.
        unsafe { ffi::TessMonitorDelete(self.0) };
    }
}

impl OcrEngine for Tesseract {
    fn name(&self) -> String {
        format!(
            "Tesseract {} ({})",
            Tesseract::version(),
            self.language.to_string_lossy()
        )
    }

    fn read(&self, page: &GrayPage, cancel: &AtomicBool) -> Result<PageText> {
        let (w, h) = (page.width as usize, page.height as usize);
        if w == 0 || h == 0 || page.pixels.len() != w * h {
            return Err(Error::Invalid("the page has no pixels to read".into()));
        }
        let (Ok(wi), Ok(hi), Ok(dpi)) = (
            c_int::try_from(w),
            c_int::try_from(h),
            c_int::try_from(page.dpi),
        ) else {
            return Err(Error::Invalid("the page is too large to read".into()));
        };
        if cancel.load(Ordering::Relaxed) {
            return Err(Error::Cancelled);
        }
        let api = Api::new(self)?;
        // SAFETY: Create has no preconditions; null is checked.
        let monitor = Monitor(unsafe { ffi::TessMonitorCreate() });
        if monitor.0.is_null() {
            return Err(unavailable("the Tesseract engine could not be started"));
        }
        // SAFETY: live handle; `pixels` holds w*h bytes (checked above), one byte per
        // pixel, rows of w bytes, and stays borrowed until `api` is dropped at the end
        // of this function (Tesseract keeps a copy made by SetImage anyway).
        unsafe {
            ffi::TessBaseAPISetImage(api.0, page.pixels.as_ptr(), wi, hi, 1, wi);
            ffi::TessBaseAPISetSourceResolution(api.0, dpi);
            ffi::TessMonitorSetCancelFunc(monitor.0, cancelled);
            ffi::TessMonitorSetCancelThis(monitor.0, cancel as *const AtomicBool as *mut c_void);
        }
        // SAFETY: live handle and monitor; the cancel flag outlives the call.
        let rc = unsafe { ffi::TessBaseAPIRecognize(api.0, monitor.0) };
        if cancel.load(Ordering::Relaxed) {
            return Err(Error::Cancelled);
        }
        if rc != 0 {
            return Err(Error::Invalid("the page could not be read".into()));
        }
        // SAFETY: live handle after a successful Recognize; the returned string is
        // copied and then freed with TessDeleteText, as capi.h requires.
        let text = unsafe {
            let p = ffi::TessBaseAPIGetUTF8Text(api.0);
            if p.is_null() {
                String::new()
            } else {
                let s = CStr::from_ptr(p).to_string_lossy().into_owned();
                ffi::TessDeleteText(p);
                s
            }
        };
        // SAFETY: live handle after Recognize.
        let conf = unsafe { ffi::TessBaseAPIMeanTextConf(api.0) };
        // SAFETY: live handle; frees the page's recognition results now.
        unsafe { ffi::TessBaseAPIClear(api.0) };
        Ok(PageText {
            text,
            confidence: u8::try_from(conf).ok(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_core::ocr::GrayPage;

    #[test]
    fn the_engine_names_itself_and_reads_a_blank_page_as_nothing() {
        let t = Tesseract::dutch().expect("tesseract-ocr-nld is installed by scripts/setup.sh");
        assert!(t.name().starts_with("Tesseract 5"), "{}", t.name());
        let page = GrayPage {
            width: 300,
            height: 200,
            dpi: 300,
            pixels: vec![255u8; 300 * 200].into(),
        };
        let text = t.read(&page, &AtomicBool::new(false)).expect("read");
        assert!(text.text.trim().is_empty(), "{text:?}");
    }

    #[test]
    fn a_set_cancel_flag_stops_before_reading() {
        let t = Tesseract::dutch().expect("tesseract");
        let page = GrayPage {
            width: 10,
            height: 10,
            dpi: 300,
            pixels: vec![255u8; 100].into(),
        };
        let err = t
            .read(&page, &AtomicBool::new(true))
            .expect_err("cancelled");
        assert_eq!(err.code(), "cancelled");
    }
}
