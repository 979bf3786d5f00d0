//! Compose: render a [`liaison_model::Brief`] into a collaboration mail with minijinja
//! templates (built-in Chinese and English ones, overridable by a templates directory).
