//! Rendering the embedded minijinja templates: layout only, with values decided in Rust.

use minijinja::Environment;
use minijinja::syntax::SyntaxConfig;
use minijinja::value::Serde;
use serde::Serialize;

use crate::Error;

/// An environment holding `templates` (`(name, source)` pairs), set up for source code: no
/// auto-escaping, block tags take their line with them, undefined values are errors.
pub fn environment(templates: &'static [(&'static str, &'static str)]) -> Environment<'static> {
    let mut env = Environment::new();
    let syntax = SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .keep_trailing_newline(true)
        .build()
        .expect("the default delimiters are valid");
    env.set_syntax(syntax);
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::None);
    for (name, source) in templates {
        env.add_template(name, source)
            .unwrap_or_else(|e| panic!("embedded template {name} is invalid: {e}"));
    }
    env
}

/// Renders template `name` with `context`.
pub fn render(env: &Environment<'_>, name: &str, context: impl Serialize) -> Result<String, Error> {
    env.get_template(name)
        .and_then(|template| template.render(Serde(context)))
        .map_err(|e| Error::Internal(format!("rendering {name}: {e:#}")))
}
