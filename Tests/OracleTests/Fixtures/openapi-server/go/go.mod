module example.com/openapi-server/go

go 1.22

require google.golang.org/protobuf v1.28.1
