//! Entry point of the web app: mounts the Yew application.
fn main() {
    policylens_web::start();
}
