//! Lists the users of a running Reference API through the client `generate_clients!` made from
//! `openapi.json`; building this crate also writes the Python, TypeScript and proto clients to
//! `clients/`.
//!
//! ```text
//! cargo run -p clientgen-example-macro-client -- http://127.0.0.1:8000
//! ```

clientgen::generate_clients! {
    spec = "openapi.json",
    out = "clients",
    targets = [python, typescript, proto],
    python_style = functions,
}

use reference_api::Client;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let base_url = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "http://127.0.0.1:8000".to_string());
    let client = Client::new(base_url);
    let page = client.list_users(Some(10), None).await?;
    println!("{} users", page.total);
    for user in &page.items {
        println!("{}: {} <{}>", user.id, user.name, user.email);
    }
    Ok(())
}
