//! Placeholder: this binding has not landed yet.
