// hello
