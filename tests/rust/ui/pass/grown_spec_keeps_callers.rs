// A caller written against version 1 of a spec compiles unchanged against version 2, which adds
// optional fields to the request body and to the response, optional query parameters to an
// operation that had one, and a first optional parameter to an operation that had none: request
// structs are built with `new` and setters, optional parameters are set on a request builder
// that is awaited like the call itself.

macro_rules! caller {
    () => {
        pub async fn calls(client: &grown_api::Client) -> Result<(), Box<dyn std::error::Error>> {
            use grown_api::types;
            let body = types::UserCreate::new("Ada", "ada@example.com")
                .nickname(Some("countess".to_string()));
            let created: types::User = client.create_user(&body).await?.into_inner();
            let _: &Option<String> = &created.nickname;
            let _page: Vec<types::User> = client.list_users().page(2).await?.into_inner();
            let _all = client.list_users().await?;
            let _one = client.get_user(created.id).await?;
            Ok(())
        }
    };
}

mod v1 {
    clientgen::generate_clients! {
        spec = "specs/grown-v1.json",
        targets = [],
    }
    caller!();
}

mod v2 {
    clientgen::generate_clients! {
        spec = "specs/grown-v2.json",
        targets = [],
    }
    caller!();
}

fn main() {
    let v1 = v1::grown_api::Client::new("http://127.0.0.1:8000");
    drop(v1::calls(&v1));
    let v2 = v2::grown_api::Client::new("http://127.0.0.1:8000");
    drop(v2::calls(&v2));
}
