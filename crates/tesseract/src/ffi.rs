//! The few functions of Tesseract's C API (tesseract/capi.h, 5.x) that reading a page
//! needs, declared by hand: no bindgen, no libclang at build time.

use std::ffi::{c_char, c_int, c_uchar, c_void};

#[repr(C)]
pub struct TessBaseAPI {
    _private: [u8; 0],
}

#[repr(C)]
pub struct EtextDesc {
    _private: [u8; 0],
}

/// capi.h: `typedef bool (*TessCancelFunc)(void *cancel_this, int words);`
pub type TessCancelFunc = extern "C" fn(cancel_this: *mut c_void, words: c_int) -> bool;

extern "C" {
    pub fn TessVersion() -> *const c_char;
    pub fn TessBaseAPICreate() -> *mut TessBaseAPI;
    pub fn TessBaseAPIDelete(handle: *mut TessBaseAPI);
    pub fn TessBaseAPIEnd(handle: *mut TessBaseAPI);
    pub fn TessBaseAPIInit3(
        handle: *mut TessBaseAPI,
        datapath: *const c_char,
        language: *const c_char,
    ) -> c_int;
    pub fn TessBaseAPISetVariable(
        handle: *mut TessBaseAPI,
        name: *const c_char,
        value: *const c_char,
    ) -> c_int;
    pub fn TessBaseAPISetImage(
        handle: *mut TessBaseAPI,
        imagedata: *const c_uchar,
        width: c_int,
        height: c_int,
        bytes_per_pixel: c_int,
        bytes_per_line: c_int,
    );
    pub fn TessBaseAPISetSourceResolution(handle: *mut TessBaseAPI, ppi: c_int);
    pub fn TessBaseAPIRecognize(handle: *mut TessBaseAPI, monitor: *mut EtextDesc) -> c_int;
    pub fn TessBaseAPIGetUTF8Text(handle: *mut TessBaseAPI) -> *mut c_char;
    pub fn TessBaseAPIMeanTextConf(handle: *mut TessBaseAPI) -> c_int;
    pub fn TessBaseAPIClear(handle: *mut TessBaseAPI);
    pub fn TessDeleteText(text: *const c_char);
    pub fn TessMonitorCreate() -> *mut EtextDesc;
    pub fn TessMonitorDelete(monitor: *mut EtextDesc);
    pub fn TessMonitorSetCancelFunc(monitor: *mut EtextDesc, f: TessCancelFunc);
    pub fn TessMonitorSetCancelThis(monitor: *mut EtextDesc, this: *mut c_void);
}
