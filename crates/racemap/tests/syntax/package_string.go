package "main"
