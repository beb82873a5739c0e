module example.com/rangeclear

go 1.20
