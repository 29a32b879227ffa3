// The export bundle imports styles as text (`?inline`) and globs the templates' styles: Vite's own types for both.
/// <reference types="vite/client" />
