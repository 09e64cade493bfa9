//! Other generators' spellings that `clientgen` does not take, and what to write instead.
//!
//! Clientele's and openapi-python-client's flags that mean what one of ours means are accepted
//! as aliases (see `args`: `--path`, `--output`, `--output-path`). Those that mean something else
//! here are refused, as any unknown flag is, but the message names our spelling.

use std::ffi::OsString;

/// What to write instead of the first foreign spelling in `args` (the command line without the
/// program's name), if there is one.
pub fn hint(args: &[OsString]) -> Option<String> {
    let args: Vec<&str> = args.iter().filter_map(|arg| arg.to_str()).collect();
    if let Some(hint) = args.first().and_then(|command| subcommand_hint(command)) {
        return Some(hint);
    }
    args.iter().enumerate().find_map(|(at, arg)| {
        let (flag, value) = match arg.split_once('=') {
            Some((flag, value)) => (flag, Some(value)),
            None => (
                *arg,
                args.get(at + 1).copied().filter(|v| !v.starts_with('-')),
            ),
        };
        flag_hint(flag, value)
    })
}

/// Clientele's subcommands.
fn subcommand_hint(command: &str) -> Option<String> {
    let ours = match command {
        "generate-class" => "clientgen generate --lang python --python-style class -o DIR",
        "generate-basic" => "clientgen generate --lang python -o DIR",
        _ => return None,
    };
    Some(format!(
        "clientgen has no `{command}` command; write `{ours}` (with -f FILE or -u URL, and \
         --asyncio for async)"
    ))
}

/// Flags of Clientele (`--asyncio t`, `--regen t`) and openapi-python-client (`--overwrite`,
/// `--meta`) that clientgen spells differently or does not need.
fn flag_hint(flag: &str, value: Option<&str>) -> Option<String> {
    let hint = match flag {
        "--asyncio" => {
            let value = value?;
            format!(
                "--asyncio takes no value here (not `--asyncio {value}`): write `--asyncio` for \
                 async operations, and leave it out for sync ones"
            )
        }
        "--regen" => "clientgen has no --regen: run the same command again to regenerate. Files \
                      clientgen wrote are updated, config.py (yours) is kept, and files it did \
                      not write are never overwritten nor deleted"
            .to_string(),
        "--overwrite" => "clientgen has no --overwrite: a folder clientgen made is regenerated \
                          in place without a flag, and --force writes into a folder it did not \
                          make (it never deletes the folder nor files it did not write)"
            .to_string(),
        "--meta" => "clientgen has no --meta: the Python package always comes with a \
                     pyproject.toml (`pip install -e DIR` works)"
            .to_string(),
        _ => return None,
    };
    Some(hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hint_of(line: &str) -> Option<String> {
        let args: Vec<OsString> = line.split_whitespace().map(OsString::from).collect();
        hint(&args)
    }

    #[test]
    fn clienteles_generate_class_names_our_python_style() {
        let hint = hint_of("generate-class -u http://x/openapi.json -o my_client/").unwrap();
        assert!(hint.contains("--python-style class"), "{hint}");
    }

    #[test]
    fn asyncio_with_a_value_says_it_takes_none() {
        assert!(
            hint_of("generate --asyncio t -o x")
                .unwrap()
                .contains("`--asyncio`")
        );
        assert!(hint_of("generate --asyncio=t -o x").is_some());
        assert_eq!(hint_of("generate --asyncio -o x"), None);
    }

    #[test]
    fn regen_overwrite_and_meta_say_what_we_do() {
        assert!(
            hint_of("generate --regen t")
                .unwrap()
                .contains("run the same command")
        );
        assert!(hint_of("generate --overwrite").unwrap().contains("--force"));
        assert!(
            hint_of("generate --meta none")
                .unwrap()
                .contains("pyproject.toml")
        );
    }

    #[test]
    fn our_own_spellings_get_no_hint() {
        assert_eq!(hint_of("generate -f openapi.json -o out --force"), None);
    }
}
