//! Lists the users of a running Reference API through the client `generate_clients!` made from
//! `openapi.json`, then looks up user 1 (a documented 404 is `None`); building this crate also
//! writes the Python, TypeScript and proto clients to `clients/`.
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

use reference_api::{Client, responses, types};

/// User `id`, or `None` when the server answers the documented 404. Functions like this one
/// return `clientgen::Error` as it is: it boxes the response (24 bytes whatever the error body),
/// so clippy's `result_large_err` has nothing to say.
async fn find_user(
    client: &Client,
    id: i64,
) -> Result<Option<types::User>, clientgen::Error<responses::GetUserError>> {
    match client.get_user(id).await {
        Ok(user) => Ok(Some(user.into_inner())),
        Err(clientgen::Error::Api(response))
            if matches!(response.body(), responses::GetUserError::Status404(_)) =>
        {
            Ok(None)
        }
        Err(error) => Err(error),
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let base_url = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "http://127.0.0.1:8000".to_string());
    let client = Client::new(base_url);
    let page = client.list_users().limit(10).await?;
    println!("{} users", page.total);
    for user in &page.items {
        println!("{}: {} <{}>", user.id, user.name, user.email);
    }
    match find_user(&client, 1).await? {
        Some(user) => println!("user 1 is {}", user.name),
        None => println!("there is no user 1"),
    }
    Ok(())
}
