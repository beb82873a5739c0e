module example.com/rangeclear

go 1.23.0
