//! Which zone each operation belongs to.

use super::{Rule, ZoneConfig};
use crate::ir;

/// The zones of every operation, by operation index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    /// Zone name per operation (the default zone for operations no rule matches).
    pub zone_of: Vec<String>,
    /// Operations more than one rule matches: operation index and the zones, in config order.
    pub conflicts: Vec<(usize, Vec<String>)>,
    /// `operations` entries no operation has: zone and operation id.
    pub unknown_ids: Vec<(String, String)>,
}

/// Assigns each operation of `api` to a zone of `config`.
pub fn assign(api: &ir::Api, config: &ZoneConfig) -> Assignment {
    let mut zone_of = Vec::with_capacity(api.operations.len());
    let mut conflicts = Vec::new();
    for (index, operation) in api.operations.iter().enumerate() {
        let matched: Vec<String> = config
            .zones
            .iter()
            .filter(|zone| matches(&zone.rule, operation))
            .map(|zone| zone.name.clone())
            .collect();
        if matched.len() > 1 {
            conflicts.push((index, matched.clone()));
        }
        zone_of.push(
            matched
                .into_iter()
                .next()
                .unwrap_or_else(|| config.default_zone.clone()),
        );
    }
    let mut unknown_ids = Vec::new();
    for zone in &config.zones {
        if let Rule::Operations(ids) = &zone.rule {
            for id in ids {
                if !api.operations.iter().any(|operation| &operation.id == id) {
                    unknown_ids.push((zone.name.clone(), id.clone()));
                }
            }
        }
    }
    Assignment {
        zone_of,
        conflicts,
        unknown_ids,
    }
}

/// Whether `rule` takes `operation`.
fn matches(rule: &Rule, operation: &ir::Operation) -> bool {
    match rule {
        Rule::Tags(tags) => operation.tags.iter().any(|tag| tags.contains(tag)),
        Rule::Paths(prefixes) => prefixes
            .iter()
            .any(|prefix| under_prefix(&operation.path, prefix)),
        Rule::Operations(ids) => ids.contains(&operation.id),
    }
}

/// Whether `path` is `prefix` or below it, segment by segment: `/support` takes `/support` and
/// `/support/tickets` but not `/supporters`.
fn under_prefix(path: &str, prefix: &str) -> bool {
    let prefix = prefix.strip_suffix('/').unwrap_or(prefix);
    path.strip_prefix(prefix)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::under_prefix;

    #[test]
    fn path_prefixes_match_whole_segments() {
        assert!(under_prefix("/support", "/support"));
        assert!(under_prefix("/support/tickets/{id}", "/support"));
        assert!(under_prefix("/support/tickets", "/support/"));
        assert!(!under_prefix("/supporters", "/support"));
        assert!(under_prefix("/anything", "/"));
    }
}
