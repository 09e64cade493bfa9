//! The keywords of a schema object, found in one pass over its members.
//!
//! A schema is asked for a dozen keywords while it is lowered; looking each up in the
//! `serde_json` map hashes the key every time, which dominated the time spent on large specs.
//! One walk over the (few) members of the object is much cheaper.

use serde_json::Value;

use super::read::Object;

/// The keywords of one schema object that lowering reads often.
#[derive(Debug, Clone, Copy)]
pub(super) struct Keywords<'a> {
    /// The whole object, for rarely read keywords (`title`, `discriminator`, extensions).
    pub(super) object: &'a Object,
    /// `$ref`.
    pub(super) reference: Option<&'a Value>,
    /// `allOf`.
    pub(super) all_of: Option<&'a Value>,
    /// `oneOf`.
    pub(super) one_of: Option<&'a Value>,
    /// `anyOf`.
    pub(super) any_of: Option<&'a Value>,
    /// `enum`.
    pub(super) values: Option<&'a Value>,
    /// `type`.
    pub(super) ty: Option<&'a Value>,
    /// `format`.
    pub(super) format: Option<&'a Value>,
    /// `nullable`.
    pub(super) nullable: Option<&'a Value>,
    /// `properties`.
    pub(super) properties: Option<&'a Value>,
    /// `additionalProperties`.
    pub(super) additional_properties: Option<&'a Value>,
    /// `items`.
    pub(super) items: Option<&'a Value>,
    /// `required`.
    pub(super) required: Option<&'a Value>,
    /// `description`.
    pub(super) description: Option<&'a Value>,
    /// `default`.
    pub(super) default: Option<&'a Value>,
    /// `readOnly`.
    pub(super) read_only: Option<&'a Value>,
    /// `writeOnly`.
    pub(super) write_only: Option<&'a Value>,
    /// `deprecated`.
    pub(super) deprecated: Option<&'a Value>,
    /// `minLength`.
    pub(super) min_length: Option<&'a Value>,
    /// `maxLength`.
    pub(super) max_length: Option<&'a Value>,
    /// `pattern`.
    pub(super) pattern: Option<&'a Value>,
    /// `minimum`.
    pub(super) minimum: Option<&'a Value>,
    /// `maximum`.
    pub(super) maximum: Option<&'a Value>,
    /// `exclusiveMinimum` (a boolean: normalizing turned 3.1's number into `minimum`).
    pub(super) exclusive_minimum: Option<&'a Value>,
    /// `exclusiveMaximum` (a boolean, as `exclusiveMinimum`).
    pub(super) exclusive_maximum: Option<&'a Value>,
    /// `multipleOf`.
    pub(super) multiple_of: Option<&'a Value>,
    /// `minItems`.
    pub(super) min_items: Option<&'a Value>,
    /// `maxItems`.
    pub(super) max_items: Option<&'a Value>,
}

impl<'a> Keywords<'a> {
    /// The keywords of `object`.
    pub(super) fn of(object: &'a Object) -> Self {
        let mut keywords = Keywords {
            object,
            reference: None,
            all_of: None,
            one_of: None,
            any_of: None,
            values: None,
            ty: None,
            format: None,
            nullable: None,
            properties: None,
            additional_properties: None,
            items: None,
            required: None,
            description: None,
            default: None,
            read_only: None,
            write_only: None,
            deprecated: None,
            min_length: None,
            max_length: None,
            pattern: None,
            minimum: None,
            maximum: None,
            exclusive_minimum: None,
            exclusive_maximum: None,
            multiple_of: None,
            min_items: None,
            max_items: None,
        };
        for (key, value) in object {
            let slot = match key.as_str() {
                "$ref" => &mut keywords.reference,
                "allOf" => &mut keywords.all_of,
                "oneOf" => &mut keywords.one_of,
                "anyOf" => &mut keywords.any_of,
                "enum" => &mut keywords.values,
                "type" => &mut keywords.ty,
                "format" => &mut keywords.format,
                "nullable" => &mut keywords.nullable,
                "properties" => &mut keywords.properties,
                "additionalProperties" => &mut keywords.additional_properties,
                "items" => &mut keywords.items,
                "required" => &mut keywords.required,
                "description" => &mut keywords.description,
                "default" => &mut keywords.default,
                "readOnly" => &mut keywords.read_only,
                "writeOnly" => &mut keywords.write_only,
                "deprecated" => &mut keywords.deprecated,
                "minLength" => &mut keywords.min_length,
                "maxLength" => &mut keywords.max_length,
                "pattern" => &mut keywords.pattern,
                "minimum" => &mut keywords.minimum,
                "maximum" => &mut keywords.maximum,
                "exclusiveMinimum" => &mut keywords.exclusive_minimum,
                "exclusiveMaximum" => &mut keywords.exclusive_maximum,
                "multipleOf" => &mut keywords.multiple_of,
                "minItems" => &mut keywords.min_items,
                "maxItems" => &mut keywords.max_items,
                _ => continue,
            };
            *slot = Some(value);
        }
        keywords
    }

    /// The keywords of `value` when it is an object.
    pub(super) fn of_value(value: &'a Value) -> Option<Self> {
        value.as_object().map(Keywords::of)
    }

    /// `type` when it is a string.
    pub(super) fn type_name(&self) -> Option<&'a str> {
        self.ty.and_then(Value::as_str)
    }

    /// Whether `properties` is a non-empty object.
    pub(super) fn has_properties(&self) -> bool {
        self.properties
            .and_then(Value::as_object)
            .is_some_and(|properties| !properties.is_empty())
    }

    /// Whether the schema admits `null`: `nullable: true`, `type: null`, `null` among its
    /// `enum` values, a `{type: null}` alternative, or a one-member composition whose member
    /// does.
    pub(super) fn admits_null(&self) -> bool {
        self.declares_null()
            || (!self.has_properties()
                && self.compositions().any(|members| match members {
                    [only] => Keywords::of_value(only).is_some_and(|only| only.declares_null()),
                    _ => false,
                }))
    }

    fn declares_null(&self) -> bool {
        let any = |list: Option<&Value>, test: fn(&Value) -> bool| {
            list.and_then(Value::as_array)
                .is_some_and(|values| values.iter().any(test))
        };
        self.nullable == Some(&Value::Bool(true))
            || self.type_name() == Some("null")
            || any(self.values, Value::is_null)
            || any(self.one_of, is_null_schema)
            || any(self.any_of, is_null_schema)
    }

    /// The member lists of `allOf`, `oneOf` and `anyOf`, where present.
    fn compositions(&self) -> impl Iterator<Item = &'a [Value]> {
        [self.all_of, self.one_of, self.any_of]
            .into_iter()
            .flatten()
            .filter_map(|members| members.as_array().map(Vec::as_slice))
    }

    /// The reference of a schema that only stands for another: `{$ref}` (siblings aside), or a
    /// one-member `allOf`/`oneOf`/`anyOf` of a `{$ref}` without own properties.
    pub(super) fn alias_reference(&self) -> Option<&'a str> {
        if let Some(reference) = self.reference {
            return reference.as_str();
        }
        if self.properties.is_some() {
            return None;
        }
        self.compositions().find_map(|members| match members {
            [only] => only.as_object()?.get("$ref")?.as_str(),
            _ => None,
        })
    }
}

/// Whether `schema` is the null type: `{type: null}`, or an `enum` whose only value is `null`
/// (drf-spectacular's `NullEnum = {enum: [null]}`): an alternative that only says "or null".
pub(super) fn is_null_schema(schema: &Value) -> bool {
    schema.get("type").and_then(Value::as_str) == Some("null")
        || schema
            .get("enum")
            .and_then(Value::as_array)
            .is_some_and(|values| !values.is_empty() && values.iter().all(Value::is_null))
}
