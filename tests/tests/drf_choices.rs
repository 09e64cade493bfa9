//! drf-spectacular's blank+null choice field read by the macro-generated Rust client
//! (tests/fixtures/handwritten/drf-choices.json, no server needed): `theme` is
//! `oneOf [ThemeEnum, BlankEnum, NullEnum]`, so `Option<ProfileTheme>` (`Profile` is only read: one
//! `Option` for absent and null) with
//! `ProfileTheme = ThemeEnum | BlankEnum`. Every generated enum keeps a value it does not list as
//! `UnknownValue`, so the union must read a listed value as the enum that lists it before it lets
//! the first enum keep an unlisted one. What the client sends holds listed values only: a
//! request with an `UnknownValue` fails before anything is sent.

clientgen::generate_clients! {
    spec = "fixtures/handwritten/drf-choices.json",
    targets = [],
}

use drf_choices::Client;
use drf_choices::types::{
    BlankEnum, PriorityEnum, Profile, ProfileTheme, Search, StatusEnum, ThemeEnum,
};

fn profile(theme: &str) -> Profile {
    let body = format!(r#"{{"id": 7, "status": "open", "priority": 1, "theme": {theme}}}"#);
    serde_json::from_str(&body).expect("the profile reads")
}

#[test]
fn a_blank_choice_reads_as_the_blank_variant() {
    let theme = profile(r#""""#).theme;
    assert!(
        matches!(theme, Some(ProfileTheme::BlankEnum(BlankEnum::Empty))),
        "{theme:?}"
    );
}

#[test]
fn a_listed_choice_reads_as_its_member_and_null_as_none() {
    let theme = profile(r#""dark""#).theme;
    assert!(
        matches!(theme, Some(ProfileTheme::ThemeEnum(ThemeEnum::Dark))),
        "{theme:?}"
    );
    assert!(profile("null").theme.is_none());
}

#[test]
fn an_unlisted_choice_reads_as_unknown_value_of_the_first_enum() {
    let theme = profile(r#""sepia""#).theme;
    assert!(
        matches!(&theme, Some(ProfileTheme::ThemeEnum(ThemeEnum::UnknownValue(v))) if v == "sepia"),
        "{theme:?}"
    );
}

#[test]
fn unlisted_enum_values_are_kept_in_a_response() {
    let body = r#"{"id": 7, "status": "archived", "priority": 9, "labels": ["open", "frozen"]}"#;
    let profile: Profile = serde_json::from_str(body).expect("the profile reads");
    assert_eq!(
        profile.status,
        StatusEnum::UnknownValue("archived".to_string())
    );
    assert_eq!(profile.priority, PriorityEnum::UnknownValue(9));
    assert_eq!(
        profile.labels,
        Some(vec![
            StatusEnum::Open,
            StatusEnum::UnknownValue("frozen".to_string())
        ])
    );
}

#[test]
fn a_value_other_than_a_string_is_refused_with_the_union_named() {
    let body = r#"{"id": 7, "status": "open", "priority": 1, "theme": 3}"#;
    let error = serde_json::from_str::<Profile>(body).expect_err("a number is no theme");
    assert!(
        error
            .to_string()
            .contains("data did not match any variant of untagged enum ProfileTheme"),
        "{error}"
    );
}

#[tokio::test]
async fn a_request_holding_an_unlisted_value_fails_before_it_is_sent() {
    // Nothing listens on port 9: had the request gone out, the error would be a connection one.
    let client = Client::new("http://127.0.0.1:9");
    let search = Search::new(StatusEnum::UnknownValue("archived".to_string()))
        .priority(PriorityEnum::UnknownValue(9));
    let error = client
        .searches_create(&search)
        .await
        .expect_err("an unlisted value is refused");
    let clientgen::Error::InvalidRequest(message) = &error else {
        panic!("not refused before sending: {error:?}");
    };
    assert!(
        message.contains("does not list (UnknownValue)"),
        "{message}"
    );
}

#[test]
fn a_value_read_with_an_unlisted_member_serializes_again_as_it_came() {
    let body = r#"{"id":7,"status":"archived","priority":9,"theme":"sepia"}"#;
    let profile: Profile = serde_json::from_str(body).expect("the profile reads");
    assert_eq!(
        serde_json::to_value(&profile.status).expect("written"),
        "archived"
    );
    assert_eq!(serde_json::to_value(profile.priority).expect("written"), 9);
}
