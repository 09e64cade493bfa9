//! The response contract every target follows: which statuses an operation answers as its
//! success, which as its error, and which it does not document at all.
//!
//! The rule, written once here so that the four languages agree:
//! - A listed status (`404`, `4XX`) is a success when it is 2xx, an error otherwise.
//! - `default` covers every status the operation does not list. When the operation lists no
//!   success, `default` is its success for a 2xx and its error for any other status. When it
//!   lists a success, `default` stands for its errors (how Azure's specs use it):
//!   it covers every unlisted status but 2xx, and an unlisted 2xx is undocumented.
//! - An operation that lists neither a success nor `default` succeeds on any 2xx, without a
//!   body.
//! - Every status no outcome covers is undocumented: each client raises, throws or returns its
//!   "unexpected status" error, carrying the status, headers and raw body.

use super::{Operation, Response, Status};

/// The statuses one [`Outcome`] covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Statuses {
    /// One listed code (`200`).
    Code(u16),
    /// A listed class (`4XX` → `Range(4)`), less the codes listed on their own.
    Range(u8),
    /// Every 2xx not listed.
    OtherSuccess,
    /// Every status outside 2xx not listed.
    OtherError,
}

impl Statuses {
    /// Whether `status` is one of these statuses, given that the listed codes and ranges are
    /// tried first (in [`Operation::outcomes`] order).
    pub fn contains(self, status: u16) -> bool {
        match self {
            Statuses::Code(code) => status == code,
            Statuses::Range(class) => status / 100 == u16::from(class),
            Statuses::OtherSuccess => (200..300).contains(&status),
            Statuses::OtherError => !(200..300).contains(&status),
        }
    }
}

/// How a client reads the statuses of one documented response (or of the implicit success of
/// an operation that documents none).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outcome<'a> {
    /// The statuses it covers.
    pub statuses: Statuses,
    /// Whether the call succeeds with it.
    pub success: bool,
    /// The documented response; `None` for the implicit bodiless success.
    pub response: Option<&'a Response>,
}

impl Outcome<'_> {
    /// Whether the spec documents a body for it.
    pub fn has_body(&self) -> bool {
        self.response.is_some_and(|r| r.preferred().is_some())
    }
}

impl Operation {
    /// What the client makes of each status, in the order a client tries them: listed codes,
    /// listed ranges, other 2xx, other statuses. A status none of them covers is undocumented.
    pub fn outcomes(&self) -> Vec<Outcome<'_>> {
        let mut outcomes: Vec<Outcome<'_>> = Vec::with_capacity(self.responses.len() + 1);
        for response in &self.responses {
            let statuses = match response.status {
                Status::Code(code) => Statuses::Code(code),
                Status::Range(class) => Statuses::Range(class),
                Status::Default => continue,
            };
            outcomes.push(Outcome {
                statuses,
                success: response.status.is_success(),
                response: Some(response),
            });
        }
        let lists_success = outcomes.iter().any(|o| o.success);
        let default = self.responses.iter().find(|r| r.status == Status::Default);
        if !lists_success {
            outcomes.push(Outcome {
                statuses: Statuses::OtherSuccess,
                success: true,
                response: default,
            });
        }
        if let Some(default) = default {
            outcomes.push(Outcome {
                statuses: Statuses::OtherError,
                success: false,
                response: Some(default),
            });
        }
        // Codes before ranges before the rest, so that the first match is the most specific.
        outcomes.sort_by_key(|o| match o.statuses {
            Statuses::Code(_) => 0,
            Statuses::Range(_) => 1,
            Statuses::OtherSuccess => 2,
            Statuses::OtherError => 3,
        });
        outcomes
    }

    /// Whether some status is undocumented: no outcome covers it, and the client reports it as
    /// an unexpected status.
    pub fn has_undocumented_statuses(&self) -> bool {
        let outcomes = self.outcomes();
        let covers = |statuses: Statuses| outcomes.iter().any(|o| o.statuses == statuses);
        let every_2xx = covers(Statuses::OtherSuccess) || covers(Statuses::Range(2));
        !(every_2xx && covers(Statuses::OtherError))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::Method;

    fn response(status: Status) -> Response {
        Response {
            status,
            description: None,
            content: Vec::new(),
        }
    }

    fn operation(statuses: &[Status]) -> Operation {
        Operation {
            id: "op".into(),
            id_from_spec: true,
            method: Method::Get,
            path: "/".into(),
            summary: None,
            description: None,
            tags: Vec::new(),
            parameters: Vec::new(),
            body: None,
            responses: statuses.iter().copied().map(response).collect(),
            security: Vec::new(),
            deprecated: false,
        }
    }

    fn shape(operation: &Operation) -> Vec<(Statuses, bool, Option<Status>)> {
        operation
            .outcomes()
            .iter()
            .map(|o| (o.statuses, o.success, o.response.map(|r| r.status)))
            .collect()
    }

    #[test]
    fn listed_statuses_keep_their_class_and_order() {
        let op = operation(&[Status::Range(4), Status::Code(404), Status::Code(200)]);
        assert_eq!(
            shape(&op),
            [
                (Statuses::Code(404), false, Some(Status::Code(404))),
                (Statuses::Code(200), true, Some(Status::Code(200))),
                (Statuses::Range(4), false, Some(Status::Range(4))),
            ]
        );
        assert!(op.has_undocumented_statuses());
    }

    #[test]
    fn default_beside_a_success_stands_for_the_errors() {
        let op = operation(&[Status::Code(200), Status::Default]);
        assert_eq!(
            shape(&op),
            [
                (Statuses::Code(200), true, Some(Status::Code(200))),
                (Statuses::OtherError, false, Some(Status::Default)),
            ]
        );
        // An unlisted 2xx (a 201 beside the listed 200) is undocumented.
        assert!(op.has_undocumented_statuses());
        let ranged = operation(&[Status::Range(2), Status::Default]);
        assert!(!ranged.has_undocumented_statuses());
    }

    #[test]
    fn default_alone_is_the_success_of_a_2xx_and_the_error_of_the_rest() {
        let op = operation(&[Status::Default]);
        assert_eq!(
            shape(&op),
            [
                (Statuses::OtherSuccess, true, Some(Status::Default)),
                (Statuses::OtherError, false, Some(Status::Default)),
            ]
        );
        assert!(!op.has_undocumented_statuses());
    }

    #[test]
    fn without_success_or_default_any_2xx_succeeds_without_a_body() {
        let op = operation(&[Status::Code(404)]);
        assert_eq!(
            shape(&op),
            [
                (Statuses::Code(404), false, Some(Status::Code(404))),
                (Statuses::OtherSuccess, true, None),
            ]
        );
        assert!(op.has_undocumented_statuses());
        assert!(!op.outcomes()[1].has_body());
    }

    #[test]
    fn statuses_contain_what_they_say() {
        assert!(Statuses::Range(4).contains(418));
        assert!(!Statuses::Range(4).contains(500));
        assert!(Statuses::OtherSuccess.contains(204));
        assert!(Statuses::OtherError.contains(302));
        assert!(!Statuses::OtherError.contains(299));
    }
}
