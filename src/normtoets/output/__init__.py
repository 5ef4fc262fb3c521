"""Renderers: the only place (with cli) that knows rich."""
