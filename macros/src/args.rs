//! The macro's arguments: `"openapi.json"`, or `key = value` pairs. Every problem is collected
//! and reported at once, each at the argument it concerns.

use clientgen_build::{ProtoEnumStyle, ProtoLayout, PythonStyle};
use proc_macro2::{Span, TokenStream};
use syn::parse::{ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{Expr, Ident, Lit, LitStr, Token};

/// What the macro was asked to do.
pub struct Args {
    /// The spec path, relative to the crate's manifest folder.
    pub spec: LitStr,
    /// The folder for the other clients, relative to the manifest folder.
    pub out: Option<LitStr>,
    /// The other clients to write.
    pub targets: Targets,
    /// The Python client's shape.
    pub python_style: PythonStyle,
    /// What the Python client's environment variables start with, when given.
    pub python_env_prefix: Option<LitStr>,
    /// The Python package's name (its folder under `out/python/`), when given.
    pub python_package_name: Option<LitStr>,
    /// How proto enum values are named.
    pub proto_enum_style: ProtoEnumStyle,
    /// The proto layout, when given.
    pub proto_layout: Option<ProtoLayout>,
    /// Whether rpcs carry `google.api.http` rules, when given.
    pub proto_http_annotations: Option<bool>,
    /// The `go_package` import path prefix.
    pub proto_go_package_prefix: Option<LitStr>,
    /// The `java_package` prefix.
    pub proto_java_package_prefix: Option<LitStr>,
    /// The `csharp_namespace` prefix.
    pub proto_csharp_namespace_prefix: Option<LitStr>,
    /// The zones file, relative to the manifest folder.
    pub zones: Option<LitStr>,
}

/// The clients written besides the Rust one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Targets {
    /// The Python package.
    pub python: bool,
    /// The TypeScript folder.
    pub typescript: bool,
    /// The proto tree.
    pub proto: bool,
}

impl Targets {
    /// Whether any is requested.
    pub fn any(self) -> bool {
        self.python || self.typescript || self.proto
    }
}

const ALL_TARGETS: Targets = Targets {
    python: true,
    typescript: true,
    proto: true,
};

const KEYS: &str = "`spec`, `out`, `targets`, `python_style`, `python_env_prefix`, \
                    `python_package_name`, `proto_enum_style`, `proto_layout`, `proto_http_annotations`, `proto_go_package_prefix`, \
                    `proto_java_package_prefix`, `proto_csharp_namespace_prefix` or `zones`";

/// Parses the macro input.
pub fn parse(tokens: TokenStream) -> syn::Result<Args> {
    parse_input.parse2(tokens)
}

fn parse_input(input: ParseStream) -> syn::Result<Args> {
    if input.is_empty() {
        return Err(syn::Error::new(
            Span::call_site(),
            "generate_clients! needs the spec's path: generate_clients!(\"openapi.json\")",
        ));
    }
    if input.peek(LitStr) {
        let spec: LitStr = input.parse()?;
        if input.peek(Token![,]) {
            input.parse::<Token![,]>()?;
        }
        if !input.is_empty() {
            return Err(input.error(format!(
                "unexpected tokens after the spec path; for more options write \
                 generate_clients! {{ spec = \"...\", ... }} with {KEYS}"
            )));
        }
        return Ok(Args {
            spec,
            out: None,
            targets: ALL_TARGETS,
            python_style: PythonStyle::default(),
            python_env_prefix: None,
            python_package_name: None,
            proto_enum_style: ProtoEnumStyle::default(),
            proto_layout: None,
            proto_http_annotations: None,
            proto_go_package_prefix: None,
            proto_java_package_prefix: None,
            proto_csharp_namespace_prefix: None,
            zones: None,
        });
    }
    let entries = Punctuated::<(Ident, Expr), Token![,]>::parse_terminated_with(input, |input| {
        let key: Ident = input.parse()?;
        input.parse::<Token![=]>()?;
        Ok((key, input.parse()?))
    })?;
    let mut errors = Errors::default();
    let mut spec = None;
    let mut out = None;
    let mut targets = None;
    let mut python_style = None;
    let mut python_env_prefix = None;
    let mut python_package_name = None;
    let mut proto_enum_style = None;
    let mut proto_layout = None;
    let mut proto_http_annotations = None;
    let mut proto_go_package_prefix = None;
    let mut proto_java_package_prefix = None;
    let mut proto_csharp_namespace_prefix = None;
    let mut zones = None;
    for (key, value) in entries {
        let name = key.to_string();
        let seen = match name.as_str() {
            "spec" => set(&mut spec, string(&key, &value, &mut errors)),
            "out" => set(&mut out, string(&key, &value, &mut errors)),
            "targets" => set(&mut targets, target_list(&value, &mut errors)),
            "python_style" => set(&mut python_style, style(&value, &mut errors)),
            "python_env_prefix" => set(
                &mut python_env_prefix,
                text(&key, &value, "\"GITHUB\"", &mut errors),
            ),
            "python_package_name" => set(
                &mut python_package_name,
                text(&key, &value, "\"github\"", &mut errors),
            ),
            "proto_enum_style" => set(&mut proto_enum_style, enum_style(&value, &mut errors)),
            "proto_layout" => set(&mut proto_layout, layout(&value, &mut errors)),
            "proto_http_annotations" => set(
                &mut proto_http_annotations,
                boolean(&key, &value, &mut errors),
            ),
            "proto_go_package_prefix" => set(
                &mut proto_go_package_prefix,
                text(&key, &value, "\"example.com/app/gen/go\"", &mut errors),
            ),
            "proto_java_package_prefix" => set(
                &mut proto_java_package_prefix,
                text(&key, &value, "\"com.example\"", &mut errors),
            ),
            "proto_csharp_namespace_prefix" => set(
                &mut proto_csharp_namespace_prefix,
                text(&key, &value, "\"Example\"", &mut errors),
            ),
            "zones" => set(&mut zones, string(&key, &value, &mut errors)),
            _ => {
                errors.push(
                    key.span(),
                    format!("unknown argument `{name}`; expected {KEYS}"),
                );
                false
            }
        };
        if seen {
            errors.push(key.span(), format!("`{name}` is given more than once"));
        }
    }
    if spec.is_none() {
        errors.push(
            Span::call_site(),
            "missing `spec = \"openapi.json\"` (the spec's path, relative to Cargo.toml)",
        );
    }
    errors.finish()?;
    Ok(Args {
        spec: spec
            .flatten()
            .ok_or_else(|| syn::Error::new(Span::call_site(), "missing spec"))?,
        out: out.flatten(),
        targets: targets.flatten().unwrap_or(ALL_TARGETS),
        python_style: python_style.flatten().unwrap_or_default(),
        python_env_prefix: python_env_prefix.flatten(),
        python_package_name: python_package_name.flatten(),
        proto_enum_style: proto_enum_style.flatten().unwrap_or_default(),
        proto_layout: proto_layout.flatten(),
        proto_http_annotations: proto_http_annotations.flatten(),
        proto_go_package_prefix: proto_go_package_prefix.flatten(),
        proto_java_package_prefix: proto_java_package_prefix.flatten(),
        proto_csharp_namespace_prefix: proto_csharp_namespace_prefix.flatten(),
        zones: zones.flatten(),
    })
}

/// Stores the first value of an argument; `true` when it was already there.
fn set<T>(slot: &mut Option<Option<T>>, value: Option<T>) -> bool {
    let seen = slot.is_some();
    if !seen {
        *slot = Some(value);
    }
    seen
}

fn string(key: &Ident, value: &Expr, errors: &mut Errors) -> Option<LitStr> {
    if let Expr::Lit(literal) = value
        && let Lit::Str(text) = &literal.lit
    {
        return Some(text.clone());
    }
    errors.push(
        value.span(),
        format!("`{key}` expects a string literal (a path relative to Cargo.toml), like \"openapi.json\""),
    );
    None
}

fn target_list(value: &Expr, errors: &mut Errors) -> Option<Targets> {
    let Expr::Array(array) = value else {
        errors.push(
            value.span(),
            "`targets` expects a list like [python, typescript, proto]",
        );
        return None;
    };
    let mut targets = Targets {
        python: false,
        typescript: false,
        proto: false,
    };
    for element in &array.elems {
        let name = match element {
            Expr::Path(path) => path.path.get_ident().map(ToString::to_string),
            _ => None,
        };
        match name.as_deref() {
            Some("python") => targets.python = true,
            Some("typescript") => targets.typescript = true,
            Some("proto") => targets.proto = true,
            _ => errors.push(
                element.span(),
                "unknown target; expected `python`, `typescript` or `proto` (the Rust client is \
                 always generated)",
            ),
        }
    }
    Some(targets)
}

fn style(value: &Expr, errors: &mut Errors) -> Option<PythonStyle> {
    let name = match value {
        Expr::Path(path) => path.path.get_ident().map(ToString::to_string),
        _ => None,
    };
    match name.as_deref() {
        Some("functions") => Some(PythonStyle::Functions),
        Some("class") => Some(PythonStyle::Class),
        Some("package") => Some(PythonStyle::Package),
        _ => {
            errors.push(
                value.span(),
                "`python_style` expects `functions`, `class` or `package`",
            );
            None
        }
    }
}

fn enum_style(value: &Expr, errors: &mut Errors) -> Option<ProtoEnumStyle> {
    let name = match value {
        Expr::Path(path) => path.path.get_ident().map(ToString::to_string),
        _ => None,
    };
    match name.as_deref() {
        Some("json") => Some(ProtoEnumStyle::Json),
        Some("prefixed") => Some(ProtoEnumStyle::Prefixed),
        _ => {
            errors.push(
                value.span(),
                "`proto_enum_style` expects `json` or `prefixed`",
            );
            None
        }
    }
}

/// A string literal that is not a path (a proto option's prefix); `example` shows one.
fn text(key: &Ident, value: &Expr, example: &str, errors: &mut Errors) -> Option<LitStr> {
    if let Expr::Lit(literal) = value
        && let Lit::Str(text) = &literal.lit
    {
        return Some(text.clone());
    }
    errors.push(
        value.span(),
        format!("`{key}` expects a string literal, like {example}"),
    );
    None
}

fn boolean(key: &Ident, value: &Expr, errors: &mut Errors) -> Option<bool> {
    if let Expr::Lit(literal) = value
        && let Lit::Bool(flag) = &literal.lit
    {
        return Some(flag.value);
    }
    errors.push(value.span(), format!("`{key}` expects `true` or `false`"));
    None
}

fn layout(value: &Expr, errors: &mut Errors) -> Option<ProtoLayout> {
    let name = match value {
        Expr::Path(path) => path.path.get_ident().map(ToString::to_string),
        _ => None,
    };
    match name.as_deref() {
        Some("zone") => Some(ProtoLayout::Zone),
        Some("versioned") => Some(ProtoLayout::Versioned),
        _ => {
            errors.push(value.span(), "`proto_layout` expects `zone` or `versioned`");
            None
        }
    }
}

/// Problems collected so far (serde_derive's `Ctxt`).
#[derive(Default)]
struct Errors {
    all: Option<syn::Error>,
}

impl Errors {
    fn push(&mut self, span: Span, message: impl std::fmt::Display) {
        let error = syn::Error::new(span, message);
        match &mut self.all {
            Some(all) => all.combine(error),
            None => self.all = Some(error),
        }
    }

    fn finish(self) -> syn::Result<()> {
        self.all.map_or(Ok(()), Err)
    }
}
