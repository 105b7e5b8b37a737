"""Fund services, one module per concept: rounds, ideas, assessment, results, execution."""
