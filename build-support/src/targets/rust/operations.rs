//! The `Client` methods, one `async fn` per operation, and the `responses` module (an enum per
//! operation with several success bodies, and one per operation with documented errors).

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{ToTokens, quote};

use super::docs;
use super::models;
use super::names::{self, CLIENT_METHODS, OPERATION_LOCALS, Scope};
use super::types::{self, Names, Place};
use crate::ir::{
    Api, ApiKeyLocation, Content, MediaKind, Method, Operation, Parameter, ParameterLocation,
    RequestBody, Response, SecuritySchemeKind, Status, StringFormat, Type, TypeKind,
};

/// The generated code of every operation.
#[derive(Debug, Default)]
pub struct Operations {
    /// `impl Client` methods.
    pub methods: Vec<TokenStream>,
    /// Items of the `responses` module.
    pub responses: Vec<TokenStream>,
}

/// Builds the methods and response enums of every operation, in spec order.
pub fn build(api: &Api, names: Names<'_>) -> Operations {
    let mut methods = Scope::with_reserved(CLIENT_METHODS);
    let mut enums = Scope::camel_with_reserved(&[]);
    let mut out = Operations::default();
    for operation in &api.operations {
        let name = methods.claim(names::snake_name(&operation.id));
        let camel = names::type_name(&operation.id);
        let method = method(
            api,
            operation,
            &name,
            &camel,
            &mut enums,
            names,
            &mut out.responses,
        );
        out.methods.push(method);
    }
    out
}

fn method(
    api: &Api,
    operation: &Operation,
    name: &str,
    camel: &str,
    enums: &mut Scope,
    names: Names<'_>,
    responses: &mut Vec<TokenStream>,
) -> TokenStream {
    let mut scope = Scope::with_reserved(OPERATION_LOCALS);
    let body = operation
        .body
        .as_ref()
        .and_then(|body| Some((body, body.preferred()?)));
    let body_name = body.map(|_| scope.claim("body".to_string()));
    let mut arguments = Vec::new();
    let mut statements = Vec::new();
    let mut param_docs = Vec::new();
    for parameter in &operation.parameters {
        let rust_name = scope.claim(names::snake_name(&parameter.name));
        let ident = names::ident(&rust_name);
        let ty = parameter_type(parameter, names);
        arguments.push(quote!(#ident: #ty));
        if let Some(text) = &parameter.description {
            param_docs.push(format!("- `{rust_name}`: {}", text.trim()));
        }
        let wire = docs::string(&parameter.name);
        statements.push(match parameter.location {
            ParameterLocation::Path => quote!(request.path_param(#wire, &#ident);),
            ParameterLocation::Query => {
                let explode = parameter.explode;
                quote!(request.query(#wire, &#ident, #explode);)
            }
            ParameterLocation::Header => quote!(request.header(#wire, &#ident);),
            ParameterLocation::Cookie => quote!(request.cookie(#wire, &#ident);),
        });
    }
    if let Some(security) = security(api, operation) {
        statements.push(security);
    }
    if let (Some((body, content)), Some(body_name)) = (body, &body_name) {
        let ident = names::ident(body_name);
        let (ty, send) = body_code(api, body, content, &ident, names);
        if let Some(text) = &body.description {
            param_docs.push(format!("- `{body_name}`: {}", text.trim()));
        }
        arguments.push(quote!(#ident: #ty));
        statements.push(send);
    }
    let outcome = Outcome::of(operation, camel, enums, names);
    responses.extend(outcome.items.iter().cloned());
    let success = &outcome.success;
    let error = &outcome.error;
    let dispatch = outcome.dispatch();
    let ident = names::ident(name);
    let http_method = method_tokens(operation.method);
    let path = docs::string(&operation.path);
    let request = if statements.is_empty() {
        quote!(let request)
    } else {
        quote!(let mut request)
    };
    let mut doc_text = String::new();
    for part in [&operation.summary, &operation.description]
        .into_iter()
        .flatten()
    {
        let part = part.trim();
        if !part.is_empty() && !doc_text.contains(part) {
            doc_text.push_str(part);
            doc_text.push_str("\n\n");
        }
    }
    doc_text.push_str(&format!(
        "Sends `{} {}`.",
        operation.method.as_str(),
        operation.path.replace('`', "'")
    ));
    if !param_docs.is_empty() {
        doc_text.push_str("\n\nArguments:\n");
        doc_text.push_str(&param_docs.join("\n"));
    }
    let doc = docs::doc(Some(&doc_text));
    let deprecated = operation.deprecated.then(|| quote!(#[deprecated]));
    quote! {
        #doc
        #deprecated
        pub async fn #ident(
            &self,
            #(#arguments),*
        ) -> Result<::clientgen::ResponseValue<#success>, ::clientgen::Error<#error>> {
            #request = self.0.request(#http_method, #path);
            #(#statements)*
            let response = request.send().await?;
            #dispatch
        }
    }
}

fn method_tokens(method: Method) -> TokenStream {
    let name = names::ident(method.as_str());
    quote!(::clientgen::reqwest::Method::#name)
}

/// A parameter's Rust type: plain strings are borrowed, optional parameters are `Option`.
fn parameter_type(parameter: &Parameter, names: Names<'_>) -> TokenStream {
    let (ty, nullable) = match &parameter.ty {
        Type::Nullable(inner) => (&**inner, true),
        other => (other, false),
    };
    let spelled = match ty {
        Type::String(StringFormat::Plain) => quote!(&str),
        other => types::spell(other, names, Place::OPERATION),
    };
    if (parameter.required && !nullable) || *ty == Type::Any {
        spelled
    } else {
        quote!(Option<#spelled>)
    }
}

/// The body argument's type and the statement that sends it.
fn body_code(
    api: &Api,
    body: &RequestBody,
    content: &Content,
    ident: &Ident,
    names: Names<'_>,
) -> (TokenStream, TokenStream) {
    let media_type = docs::string(&content.media_type);
    let spelled = types::spell(&content.ty, names, Place::OPERATION);
    match content.kind {
        MediaKind::Json if !body.required => (
            quote!(Option<&#spelled>),
            quote!(if let Some(#ident) = #ident { request.json(#ident); }),
        ),
        MediaKind::Json => (quote!(&#spelled), quote!(request.json(#ident);)),
        MediaKind::Form => (quote!(&#spelled), quote!(request.form(#ident);)),
        MediaKind::Multipart => match &content.ty {
            Type::Named(id) => match &api.type_def(*id).kind {
                TypeKind::Struct(shape) => {
                    let (field_names, _) = models::field_names(shape);
                    let parts = shape.fields.iter().zip(&field_names).map(|(field, name)| {
                        let wire = docs::string(&field.name);
                        let field_ident = names::ident(name);
                        let access = quote!(#ident.#field_ident);
                        match (&field.ty, field.required) {
                            (Type::Binary, true) => quote!(.file(#wire, &#access)),
                            (Type::Binary, false)
                            | (Type::List(_), true)
                            | (Type::Nullable(_), true)
                                if holds_binary(&field.ty) =>
                            {
                                quote!(.files(#wire, &#access))
                            }
                            (Type::List(_) | Type::Nullable(_), false)
                                if holds_binary(&field.ty) =>
                            {
                                quote!(.files(#wire, #access.iter().flatten()))
                            }
                            _ => quote!(.text(#wire, &#access)),
                        }
                    });
                    (
                        quote!(&#spelled),
                        quote!(request.multipart(::clientgen::Multipart::new() #(#parts)*);),
                    )
                }
                _ => (
                    quote!(::clientgen::Multipart),
                    quote!(request.multipart(#ident);),
                ),
            },
            _ => (
                quote!(::clientgen::Multipart),
                quote!(request.multipart(#ident);),
            ),
        },
        MediaKind::Text => (quote!(String), quote!(request.text(#ident, #media_type);)),
        MediaKind::Binary => (quote!(Vec<u8>), quote!(request.bytes(#ident, #media_type);)),
    }
}

/// Whether a multipart field is a file, or one level of list or null around files.
fn holds_binary(ty: &Type) -> bool {
    match ty {
        Type::Binary => true,
        Type::List(inner) | Type::Nullable(inner) => **inner == Type::Binary,
        _ => false,
    }
}

/// `request.security(&[...])` for an operation that needs credentials.
fn security(api: &Api, operation: &Operation) -> Option<TokenStream> {
    let alternatives: Vec<TokenStream> = operation
        .security
        .iter()
        .filter_map(|alternative| {
            let schemes = alternative
                .iter()
                .map(|key| {
                    let scheme = api.security_scheme(key)?;
                    let key = docs::string(key);
                    Some(match &scheme.kind {
                        SecuritySchemeKind::Bearer { .. } => {
                            quote!(::clientgen::Scheme::bearer(#key))
                        }
                        SecuritySchemeKind::Basic => quote!(::clientgen::Scheme::basic(#key)),
                        SecuritySchemeKind::ApiKey { location, name } => {
                            let location = names::ident(match location {
                                ApiKeyLocation::Header => "Header",
                                ApiKeyLocation::Query => "Query",
                                ApiKeyLocation::Cookie => "Cookie",
                            });
                            let name = docs::string(name);
                            quote!(::clientgen::Scheme::api_key(
                                #key,
                                ::clientgen::ApiKeyIn::#location,
                                #name
                            ))
                        }
                    })
                })
                .collect::<Option<Vec<_>>>()?;
            Some(quote!(&[#(#schemes),*]))
        })
        .collect();
    (!alternatives.is_empty()).then(|| quote!(request.security(&[#(#alternatives),*]);))
}

/// How an operation's responses are typed and decoded.
struct Outcome {
    /// The success body type.
    success: TokenStream,
    /// The documented error type.
    error: TokenStream,
    /// `match response.status()` arms in order: rank, pattern, body.
    arms: Vec<(u8, TokenStream, TokenStream)>,
    /// Enums for the `responses` module.
    items: Vec<TokenStream>,
}

/// How one documented body is decoded.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Decode {
    Json,
    Text,
    Bytes,
    Empty,
}

struct Documented<'a> {
    response: &'a Response,
    decode: Decode,
    /// The body type as the `Client` spells it (`None`: no body).
    ty: Option<TokenStream>,
    /// The body type as the `responses` module spells it.
    variant_ty: Option<TokenStream>,
    pattern: TokenStream,
    variant: Ident,
}

impl Outcome {
    fn of(operation: &Operation, camel: &str, enums: &mut Scope, names: Names<'_>) -> Outcome {
        let has_success = operation.responses.iter().any(|r| r.status.is_success());
        let (success, errors): (Vec<&Response>, Vec<&Response>) = operation
            .responses
            .iter()
            .partition(|r| r.status.is_success() || (!has_success && r.status == Status::Default));
        let success: Vec<Documented> = success.into_iter().map(|r| documented(r, names)).collect();
        let errors: Vec<Documented> = errors.into_iter().map(|r| documented(r, names)).collect();
        let mut arms: Vec<(u8, TokenStream, TokenStream)> = Vec::new();
        let mut items = Vec::new();
        let default_is_success = success.iter().any(|d| d.response.status == Status::Default);

        let distinct = {
            let mut seen: Vec<String> = success
                .iter()
                .map(|d| d.ty.as_ref().map(ToString::to_string).unwrap_or_default())
                .collect();
            seen.dedup();
            seen.len()
        };
        let success_type = if success.is_empty() {
            arms.push((1, quote!(200..=299), quote!(response.empty().await)));
            quote!(())
        } else if distinct == 1 {
            for d in &success {
                let pattern = &d.pattern;
                let call = decode_call(d.decode);
                arms.push((d.rank(), pattern.clone(), quote!(response.#call().await)));
            }
            success[0].ty.clone().unwrap_or_else(|| quote!(()))
        } else {
            let enum_name = names::ident(&enums.claim(format!("{camel}Response")));
            let doc = docs::doc(Some(&format!(
                "The success bodies of `{}`, by status.",
                operation.id.replace('`', "'")
            )));
            let variants = success.iter().map(|d| variant_declaration(d));
            items.push(quote! {
                #doc
                #[derive(Debug, Clone, PartialEq)]
                pub enum #enum_name {
                    #(#variants)*
                }
            });
            for d in &success {
                let pattern = &d.pattern;
                let call = match (d.decode, &d.ty) {
                    // The body type cannot be inferred through the closure: name it.
                    (Decode::Json, Some(ty)) => quote!(json::<#ty, _>),
                    _ => decode_call(d.decode).into_token_stream(),
                };
                let variant = &d.variant;
                let wrap = match d.ty {
                    Some(_) => quote!(responses::#enum_name::#variant),
                    None => quote!(|()| responses::#enum_name::#variant),
                };
                arms.push((
                    d.rank(),
                    pattern.clone(),
                    quote!(response.#call().await.map(|value| value.map(#wrap))),
                ));
            }
            quote!(responses::#enum_name)
        };

        let error_type = if errors.is_empty() {
            quote!(::std::convert::Infallible)
        } else {
            let enum_name = names::ident(&enums.claim(format!("{camel}Error")));
            let doc = docs::doc(Some(&format!(
                "The documented error bodies of `{}`, by status.",
                operation.id.replace('`', "'")
            )));
            let variants = errors.iter().map(|d| variant_declaration(d));
            items.push(quote! {
                #doc
                #[derive(Debug, Clone, PartialEq)]
                pub enum #enum_name {
                    #(#variants)*
                }
            });
            for d in &errors {
                let pattern = &d.pattern;
                let variant = &d.variant;
                arms.push((
                    d.rank(),
                    pattern.clone(),
                    match d.decode {
                        Decode::Json => quote!(
                            response.error_json(responses::#enum_name::#variant).await
                        ),
                        Decode::Bytes | Decode::Text => quote!(
                            response.error_bytes(responses::#enum_name::#variant).await
                        ),
                        Decode::Empty => quote!(
                            response.error_empty(responses::#enum_name::#variant).await
                        ),
                    },
                ));
            }
            quote!(responses::#enum_name)
        };
        if !default_is_success && !errors.iter().any(|d| d.response.status == Status::Default) {
            arms.push((3, quote!(_), quote!(response.unexpected().await)));
        }
        // Codes before ranges before `default`, so that every arm is reachable.
        arms.sort_by_key(|(rank, _, _)| *rank);
        Outcome {
            success: success_type,
            error: error_type,
            arms,
            items,
        }
    }
}

impl Outcome {
    /// The `match` on the status, or the one body when every status goes the same way.
    fn dispatch(&self) -> TokenStream {
        match self.arms.as_slice() {
            [(rank, _, body)] if *rank >= 2 => quote!(#body),
            arms => {
                let arms = arms
                    .iter()
                    .map(|(_, pattern, body)| quote!(#pattern => #body,));
                quote!(match response.status() { #(#arms)* })
            }
        }
    }
}

fn documented<'a>(response: &'a Response, names: Names<'_>) -> Documented<'a> {
    let content = response.preferred();
    let decode = match content.map(|content| content.kind) {
        None => Decode::Empty,
        Some(MediaKind::Json) => Decode::Json,
        Some(MediaKind::Text) if response.status.is_success() => Decode::Text,
        // Text error bodies are kept raw, like binary ones.
        Some(_) => Decode::Bytes,
    };
    let spell = |place| match (decode, content) {
        (Decode::Json, Some(content)) => Some(types::spell(&content.ty, names, place)),
        (Decode::Text, _) => Some(quote!(String)),
        (Decode::Bytes, _) => Some(quote!(Vec<u8>)),
        _ => None,
    };
    let (pattern, variant) = match response.status {
        Status::Code(code) => (
            Literal::u16_unsuffixed(code).into_token_stream(),
            format!("Status{code}"),
        ),
        Status::Range(class) => {
            let low = Literal::u16_unsuffixed(u16::from(class) * 100);
            let high = Literal::u16_unsuffixed(u16::from(class) * 100 + 99);
            (quote!(#low..=#high), format!("Status{class}xx"))
        }
        Status::Default => (quote!(_), "Default".to_string()),
    };
    Documented {
        response,
        decode,
        ty: spell(Place::OPERATION),
        variant_ty: spell(Place::RESPONSES),
        pattern,
        variant: names::ident(&variant),
    }
}

impl Documented<'_> {
    /// Where this status's arm goes: codes, then ranges, then `default`.
    fn rank(&self) -> u8 {
        match self.response.status {
            Status::Code(_) => 0,
            Status::Range(_) => 1,
            Status::Default => 2,
        }
    }
}

fn variant_declaration(documented: &Documented<'_>) -> TokenStream {
    let doc = docs::doc(documented.response.description.as_deref());
    let variant = &documented.variant;
    match &documented.variant_ty {
        Some(ty) => quote!(#doc #variant(#ty),),
        None => quote!(#doc #variant,),
    }
}

fn decode_call(decode: Decode) -> Ident {
    names::ident(match decode {
        Decode::Json => "json",
        Decode::Text => "text",
        Decode::Bytes => "bytes",
        Decode::Empty => "empty",
    })
}
