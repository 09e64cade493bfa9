// The short form on the reference FastAPI spec: the Rust client, and the other clients written
// under the target folder.
clientgen::generate_clients!("specs/reference.json");

fn main() {
    let client = reference_api::Client::new("http://127.0.0.1:8000");
    let _user: Option<reference_api::types::User> = None;
    let _ = client.inner().base_url();
}
