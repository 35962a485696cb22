"""File to validated model with positions: reading, loading, the model, schema messages."""
