//! Entry point of the web app. The app is mounted by boot.js (`start`) once
//! the clause model it fetched is installed, not here: an analysis of a
//! policy in the URL fragment must not run before the model is in.
fn main() {
    // Links the library, whose `#[wasm_bindgen]` exports boot.js calls.
    policylens_web::linked();
}
