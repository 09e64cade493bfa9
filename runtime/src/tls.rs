//! The TLS set-up of [`crate::Client::new`]: rustls with *ring*, passed to reqwest explicitly, so
//! that nothing is installed process-wide.
//!
//! rustls 0.23.48 deprecates `rustls::crypto::ring::default_provider` (it has no post-quantum
//! key exchange); aws-lc-rs, which has one, is a C build that adds half a minute to every cold
//! build of a user's crate. The provider is therefore assembled here from the parts of *ring*
//! that rustls and webpki export (cipher suites, key exchange groups, signature algorithms),
//! which is what `default_provider` returns.

use std::sync::Arc;

use rustls::crypto::ring::{DEFAULT_CIPHER_SUITES, DEFAULT_KX_GROUPS};
use rustls::crypto::{
    CryptoProvider, GetRandomFailed, KeyProvider, SecureRandom, WebPkiSupportedAlgorithms,
};
use rustls::pki_types::PrivateKeyDer;
use rustls::sign::SigningKey;
use rustls::{ClientConfig, SignatureScheme};
use webpki::ring as algs;

/// The signature algorithms webpki verifies with *ring*, by TLS signature scheme (for TLS 1.2
/// the curve is not fixed by the scheme, for TLS 1.3 it is).
static SIGNATURE_ALGORITHMS: WebPkiSupportedAlgorithms = WebPkiSupportedAlgorithms {
    all: &[
        algs::ECDSA_P256_SHA256,
        algs::ECDSA_P256_SHA384,
        algs::ECDSA_P384_SHA256,
        algs::ECDSA_P384_SHA384,
        algs::ED25519,
        algs::RSA_PSS_2048_8192_SHA256_LEGACY_KEY,
        algs::RSA_PSS_2048_8192_SHA384_LEGACY_KEY,
        algs::RSA_PSS_2048_8192_SHA512_LEGACY_KEY,
        algs::RSA_PKCS1_2048_8192_SHA256,
        algs::RSA_PKCS1_2048_8192_SHA384,
        algs::RSA_PKCS1_2048_8192_SHA512,
        algs::RSA_PKCS1_2048_8192_SHA256_ABSENT_PARAMS,
        algs::RSA_PKCS1_2048_8192_SHA384_ABSENT_PARAMS,
        algs::RSA_PKCS1_2048_8192_SHA512_ABSENT_PARAMS,
    ],
    mapping: &[
        (
            SignatureScheme::ECDSA_NISTP384_SHA384,
            &[algs::ECDSA_P384_SHA384, algs::ECDSA_P256_SHA384],
        ),
        (
            SignatureScheme::ECDSA_NISTP256_SHA256,
            &[algs::ECDSA_P256_SHA256, algs::ECDSA_P384_SHA256],
        ),
        (SignatureScheme::ED25519, &[algs::ED25519]),
        (
            SignatureScheme::RSA_PSS_SHA512,
            &[algs::RSA_PSS_2048_8192_SHA512_LEGACY_KEY],
        ),
        (
            SignatureScheme::RSA_PSS_SHA384,
            &[algs::RSA_PSS_2048_8192_SHA384_LEGACY_KEY],
        ),
        (
            SignatureScheme::RSA_PSS_SHA256,
            &[algs::RSA_PSS_2048_8192_SHA256_LEGACY_KEY],
        ),
        (
            SignatureScheme::RSA_PKCS1_SHA512,
            &[algs::RSA_PKCS1_2048_8192_SHA512],
        ),
        (
            SignatureScheme::RSA_PKCS1_SHA384,
            &[algs::RSA_PKCS1_2048_8192_SHA384],
        ),
        (
            SignatureScheme::RSA_PKCS1_SHA256,
            &[algs::RSA_PKCS1_2048_8192_SHA256],
        ),
    ],
};

/// Randomness and private keys by *ring*.
#[derive(Debug)]
struct Ring;

impl SecureRandom for Ring {
    fn fill(&self, buf: &mut [u8]) -> Result<(), GetRandomFailed> {
        use ring::rand::SecureRandom as _;
        ring::rand::SystemRandom::new()
            .fill(buf)
            .map_err(|_| GetRandomFailed)
    }
}

impl KeyProvider for Ring {
    fn load_private_key(
        &self,
        key_der: PrivateKeyDer<'static>,
    ) -> Result<Arc<dyn SigningKey>, rustls::Error> {
        rustls::crypto::ring::sign::any_supported_type(&key_der)
    }
}

/// rustls's crypto provider backed by *ring*, for one client (not installed as the process
/// default).
pub fn ring_provider() -> CryptoProvider {
    CryptoProvider {
        cipher_suites: DEFAULT_CIPHER_SUITES.to_vec(),
        kx_groups: DEFAULT_KX_GROUPS.to_vec(),
        signature_verification_algorithms: SIGNATURE_ALGORITHMS,
        secure_random: &Ring,
        key_provider: &Ring,
    }
}

/// The TLS configuration of [`crate::Client::new`]: [`ring_provider`], the platform's root
/// certificates (as reqwest's own rustls set-up uses), HTTP/2 and HTTP/1.1 offered by ALPN.
pub fn client_config() -> Result<ClientConfig, rustls::Error> {
    let provider = Arc::new(ring_provider());
    let verifier = rustls_platform_verifier::Verifier::new(provider.clone())?;
    let mut config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(verifier))
        .with_no_client_auth();
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(config)
}

/// A `reqwest::Client` with [`client_config`], what [`crate::Client::new`] sends through.
///
/// # Panics
///
/// When TLS cannot be set up, as `reqwest::Client::new` does (the provider above is complete,
/// so this means the platform verifier could not start).
pub fn http_client() -> reqwest::Client {
    let built = client_config()
        .map_err(|error| error.to_string())
        .and_then(|config| {
            reqwest::Client::builder()
                .tls_backend_preconfigured(config)
                .build()
                .map_err(|error| error.to_string())
        });
    match built {
        Ok(client) => client,
        Err(error) => panic!("clientgen: TLS could not be set up: {error}"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_client_builds_without_a_process_wide_provider() {
        super::http_client();
        assert!(rustls::crypto::CryptoProvider::get_default().is_none());
    }
}
