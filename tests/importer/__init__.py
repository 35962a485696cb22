"""Tests of `lawgov-gen import`, stage one: readers and normalisation."""
