// Command server serves NoteService from memory with the handlers sebuf generated into
// ../api. Every handler is total (unknown ids give empty notes), so the only non-200
// answers are the ones the generated binding gives for bad requests.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"sync"

	notesv1 "example.com/openapi-server/go/api/notes/v1"
	"google.golang.org/protobuf/proto"
)

type store struct {
	mu    sync.Mutex
	notes map[string]*notesv1.Note
	next  int
}

func (s *store) put(n *notesv1.Note) *notesv1.Note {
	s.mu.Lock()
	defer s.mu.Unlock()
	if n == nil {
		n = &notesv1.Note{}
	}
	n = proto.Clone(n).(*notesv1.Note)
	if n.Id == "" {
		s.next++
		n.Id = fmt.Sprintf("n%d", s.next)
	}
	s.notes[n.Id] = n
	return n
}

func (s *store) get(id string) *notesv1.Note {
	s.mu.Lock()
	defer s.mu.Unlock()
	if n, ok := s.notes[id]; ok {
		return n
	}
	return &notesv1.Note{Id: id}
}

func (s *store) CreateNote(ctx context.Context, req *notesv1.CreateNoteRequest) (*notesv1.Note, error) {
	return s.put(req.Note), nil
}

func (s *store) GetNote(ctx context.Context, req *notesv1.GetNoteRequest) (*notesv1.Note, error) {
	return s.get(req.Id), nil
}

func (s *store) UpdateNote(ctx context.Context, req *notesv1.UpdateNoteRequest) (*notesv1.Note, error) {
	n := proto.Clone(req.Note).(*notesv1.Note)
	if req.Note == nil {
		n = &notesv1.Note{}
	}
	n.Id = req.Id
	return s.put(n), nil
}

func (s *store) PatchNote(ctx context.Context, req *notesv1.PatchNoteRequest) (*notesv1.Note, error) {
	n := proto.Clone(s.get(req.Id)).(*notesv1.Note)
	n.Title = req.Title
	return s.put(n), nil
}

func (s *store) ClearTags(ctx context.Context, req *notesv1.ClearTagsRequest) (*notesv1.ClearTagsResponse, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n, ok := s.notes[req.Id]
	if !ok {
		return &notesv1.ClearTagsResponse{}, nil
	}
	removed := len(n.Tags)
	n.Tags = nil
	return &notesv1.ClearTagsResponse{Removed: int32(removed)}, nil
}

func (s *store) ListNotes(ctx context.Context, req *notesv1.ListNotesRequest) (*notesv1.ListNotesResponse, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := &notesv1.ListNotesResponse{}
	for _, n := range s.notes {
		if req.Limit > 0 && len(out.Notes) >= int(req.Limit) {
			break
		}
		out.Notes = append(out.Notes, n)
	}
	return out, nil
}

func (s *store) WatchNotes(ctx context.Context, req *notesv1.WatchNotesRequest, out notesv1.SSESender) error {
	s.mu.Lock()
	notes := make([]*notesv1.Note, 0, len(s.notes))
	for _, n := range s.notes {
		notes = append(notes, n)
	}
	s.mu.Unlock()
	for i, n := range notes {
		if i >= 3 {
			break
		}
		if err := out.Send(n); err != nil {
			return err
		}
	}
	return nil
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	flag.Parse()
	mux := http.NewServeMux()
	if err := notesv1.RegisterNoteServiceServer(&store{notes: map[string]*notesv1.Note{}}, notesv1.WithMux(mux)); err != nil {
		log.Fatal(err)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("listening on http://%s\n", ln.Addr())
	log.Fatal(http.Serve(ln, mux))
}
