"""Maintainer tools: the Word template, releases and the GitHub Action's steps."""
