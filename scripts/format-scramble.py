#!/usr/bin/env python3
"""Rewrites the whitespace between a .proto file's tokens at random (seeded), leaving
comments and strings intact: the scramble inputs of the Format goldens. A newline is
kept wherever one was (a // comment needs it); spaces may vanish next to punctuation
and appear around it. Usage: format-scramble.py SEED FILE > OUT"""
import random, re, sys
PUNCT = set('{}[]()<>;,=:')
def tokens(src):
    i=0; out=[]
    n=len(src)
    while i<n:
        c=src[i]
        if src.startswith('//',i):
            j=src.find('\n',i); j=n if j<0 else j
            out.append(('c',src[i:j])); i=j
        elif src.startswith('/*',i):
            j=src.find('*/',i+2); j=n if j<0 else j+2
            out.append(('c',src[i:j])); i=j
        elif c in '"\'':
            j=i+1
            while j<n and src[j]!=c and src[j]!='\n':
                j+= 2 if src[j]=='\\' else 1
            j=min(n,j+1); out.append(('s',src[i:j])); i=j
        elif c in ' \t\r\n':
            j=i
            while j<n and src[j] in ' \t\r\n': j+=1
            out.append(('w',src[i:j])); i=j
        elif c in PUNCT:
            out.append(('p',c)); i+=1
        else:
            j=i
            while j<n and src[j] not in PUNCT and src[j] not in ' \t\r\n"\'' and not src.startswith('//',j) and not src.startswith('/*',j): j+=1
            out.append(('x',src[i:j])); i=j
    return out
def scramble(src, rnd):
    toks=tokens(src)
    # ensure whitespace slots between every pair
    res=[]
    for k,t in enumerate(toks):
        if t[0]=='w':
            if '\n' in t[1]:
                nl = rnd.choice([1,1,1,2,3])
                res.append('\n'*nl + rnd.choice(['',' ','  ','\t','    ']))
            else:
                prev = toks[k-1] if k>0 else None
                nxt = toks[k+1] if k+1<len(toks) else None
                opts=[' ','  ','\t',' \n ','\n']
                if prev and nxt and (prev[0]=='p' or nxt[0]=='p') and prev[0]!='c' and nxt[0]!='c':
                    opts.append('')
                if prev and prev[0]=='c' and prev[1].startswith('//'):
                    opts=['\n']
                res.append(rnd.choice(opts))
        else:
            res.append(t[1])
            nxt = toks[k+1] if k+1<len(toks) else None
            if nxt and nxt[0]!='w' and (t[0]=='p' or nxt[0]=='p') and not (t[0]=='c' and t[1].startswith('//')):
                r=rnd.random()
                if r<0.3: res.append(' ')
                elif r<0.4: res.append('\n')
    return ''.join(res)
if __name__=='__main__':
    seed=int(sys.argv[1]); src=open(sys.argv[2], encoding='utf-8', errors='surrogateescape').read()
    sys.stdout.write(scramble(src, random.Random(seed)))
