//! Files and multipart bodies.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::Error;
use crate::request::scalar_text;

/// A file to upload (or raw bytes met inside a JSON document, read as text).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct File {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// The file name sent with the upload, if any.
    pub file_name: Option<String>,
    /// The media type sent with the upload (`image/png`); `application/octet-stream` if none.
    pub content_type: Option<String>,
}

impl File {
    /// A file holding `bytes`, named `file_name`.
    pub fn new(bytes: impl Into<Vec<u8>>, file_name: impl Into<String>) -> Self {
        File {
            bytes: bytes.into(),
            file_name: Some(file_name.into()),
            content_type: None,
        }
    }

    /// The same file, sent with this media type.
    pub fn with_content_type(mut self, content_type: impl Into<String>) -> Self {
        self.content_type = Some(content_type.into());
        self
    }
}

/// In JSON a file is its bytes as (lossy UTF-8) text.
impl Serialize for File {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&String::from_utf8_lossy(&self.bytes))
    }
}

impl<'de> Deserialize<'de> for File {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Ok(File {
            bytes: text.into_bytes(),
            file_name: None,
            content_type: None,
        })
    }
}

/// A multipart field that takes a file or text: where a spec writes an upload as a `format: uri`
/// string (drf-spectacular's `FileField` at its defaults), a file goes as a file part and text as
/// a text field.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FileOrText {
    /// Sent as a file part.
    File(File),
    /// Sent as a text field.
    Text(String),
}

impl From<File> for FileOrText {
    fn from(file: File) -> Self {
        FileOrText::File(file)
    }
}

impl From<String> for FileOrText {
    fn from(text: String) -> Self {
        FileOrText::Text(text)
    }
}

impl From<&str> for FileOrText {
    fn from(text: &str) -> Self {
        FileOrText::Text(text.to_string())
    }
}

/// In JSON, the text, or a file's bytes as (lossy UTF-8) text.
impl Serialize for FileOrText {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            FileOrText::File(file) => file.serialize(serializer),
            FileOrText::Text(text) => serializer.serialize_str(text),
        }
    }
}

/// In JSON, text: a value read back is `Text` (a file's bytes read from JSON are text anyway).
impl<'de> Deserialize<'de> for FileOrText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(FileOrText::Text)
    }
}

/// A `multipart/form-data` body, built part by part by generated code (or by you, for operations
/// whose multipart body the spec does not describe as an object).
#[derive(Debug, Default)]
pub struct Multipart {
    parts: Vec<(String, Part)>,
    /// The first part that could not be written; the request fails with it before it is sent.
    problem: Option<String>,
}

#[derive(Debug)]
enum Part {
    Text(String),
    File(File),
}

impl Multipart {
    /// An empty body.
    pub fn new() -> Self {
        Multipart::default()
    }

    /// Adds text part(s) `name`: `None` is left out, a list gives one part per item, other
    /// values are sent as their text (objects as JSON).
    pub fn text(mut self, name: &str, value: &impl Serialize) -> Self {
        match crate::__private::sending(|| serde_json::to_value(value)) {
            Ok(serde_json::Value::Array(items)) => {
                for item in items.iter().filter_map(scalar_text) {
                    self.parts.push((name.to_string(), Part::Text(item)));
                }
            }
            Ok(value) => {
                if let Some(text) = scalar_text(&value) {
                    self.parts.push((name.to_string(), Part::Text(text)));
                }
            }
            Err(error) => {
                let problem = format!("{name} cannot be serialized: {error}");
                self.problem.get_or_insert(problem);
            }
        }
        self
    }

    /// Adds a file part `name`.
    pub fn file(mut self, name: &str, file: &File) -> Self {
        self.parts
            .push((name.to_string(), Part::File(file.clone())));
        self
    }

    /// Adds a file part `name` for each file.
    pub fn files<'f>(self, name: &str, files: impl IntoIterator<Item = &'f File>) -> Self {
        files
            .into_iter()
            .fold(self, |body, file| body.file(name, file))
    }

    /// Adds part(s) `name`, each a file part or a text field as the value is.
    pub fn files_or_texts<'v>(
        self,
        name: &str,
        values: impl IntoIterator<Item = &'v FileOrText>,
    ) -> Self {
        values.into_iter().fold(self, |body, value| match value {
            FileOrText::File(file) => body.file(name, file),
            FileOrText::Text(text) => body.text(name, text),
        })
    }

    pub(crate) fn into_form<E>(self) -> Result<reqwest::multipart::Form, Error<E>> {
        if let Some(problem) = self.problem {
            return Err(Error::InvalidRequest(problem));
        }
        let mut form = reqwest::multipart::Form::new();
        for (name, part) in self.parts {
            form = match part {
                Part::Text(text) => form.text(name, text),
                Part::File(file) => {
                    let content_type = file
                        .content_type
                        .unwrap_or_else(|| "application/octet-stream".to_string());
                    let mut part = reqwest::multipart::Part::bytes(file.bytes)
                        .mime_str(&content_type)
                        .map_err(|error| {
                            Error::InvalidRequest(format!(
                                "{name}: bad media type {content_type:?}: {error}"
                            ))
                        })?;
                    if let Some(file_name) = file.file_name {
                        part = part.file_name(file_name);
                    }
                    form.part(name, part)
                }
            };
        }
        Ok(form)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_or_text_goes_as_a_file_part_or_a_text_field() {
        let values = [
            FileOrText::from(File::new(b"hi".to_vec(), "a.txt")),
            FileOrText::from("https://example.com/a.txt"),
        ];
        let body = Multipart::new().files_or_texts("file", &values);
        let parts: Vec<(&str, &Part)> = body.parts.iter().map(|(n, p)| (n.as_str(), p)).collect();
        assert!(matches!(parts[0], ("file", Part::File(file)) if file.bytes == b"hi"));
        assert!(
            matches!(parts[1], ("file", Part::Text(text)) if text == "https://example.com/a.txt")
        );
        assert_eq!(parts.len(), 2);
    }
}
