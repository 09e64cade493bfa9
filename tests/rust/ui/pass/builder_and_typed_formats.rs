// An operation with optional parameters gets a request builder (required parameters as
// arguments, optional ones as setters, then `.await`, or `send().await`); `date-time`, `date`
// and `uuid` are typed through the runtime's re-exports; an optional body is set like an
// optional parameter.
clientgen::generate_clients! {
    spec = "specs/many_options.json",
    targets = [],
}

use issues_api::{Client, types};

async fn calls(client: &Client) -> Result<(), Box<dyn std::error::Error>> {
    let since: clientgen::DateTime = "2024-01-02T03:04:05Z".parse()?;
    let issues: Vec<types::Issue> = client
        .list_issues("octo", "hello")
        .state(types::ListIssuesState::Open)
        .since(since)
        .per_page(30)
        .send()
        .await?
        .into_inner();
    for issue in &issues {
        let _: &clientgen::DateTime = &issue.created_at;
        let _: &clientgen::Uuid = &issue.node_id;
        // `Issue` is only read: absent and null are one `None`.
        let _: &Option<clientgen::Date> = &issue.due_on;
    }
    let _all = client.list_issues("octo", "hello").await?;
    let _created = client.create_issue("octo", "hello").await?;
    let _created = client
        .create_issue("octo", "hello")
        .body("body".to_string())
        .await?;
    let attachment = types::Attachment::new(clientgen::File::new(b"x".to_vec(), "x.txt"));
    client
        .attach("octo", "hello", 1)
        .a("first")
        .body(&attachment)
        .send()
        .await?;
    client.attach("octo", "hello", 1).await?;
    Ok(())
}

fn main() {
    let client = Client::new("http://127.0.0.1:8000");
    drop(calls(&client));
}
