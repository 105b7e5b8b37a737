/* The compiled kernel of the MES float filter (optional; see wijkgeld/pb/rules/kernel.py).
 *
 * Each function here is a line-by-line transcription of a loop in mes_fast.py or certify.py, on the
 * same Python objects (lists of float tuples, dicts of floats), doing the same IEEE double operations
 * in the same order: the results are bit for bit those of the pure-Python path, which stays the
 * reference (tests/pb/test_kernel.py compares both on every shared file and on generated elections).
 * Nothing here decides anything exactly: these are the float filters, whose callers prove every
 * decision as before. Built with -ffp-contract=off, so no fused multiply-add changes a rounding.
 *
 * Python's sum() of floats is a plain left-to-right sum up to 3.11 and a compensated (Neumaier) sum
 * from 3.12 on: psum_* below follows the interpreter it is compiled for.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <structmember.h>

#define EPS 4e-16          /* mes_fast.EPS */
#define CEPS 2.220446049250313e-16 /* certify.EPS = 2**-52 */
#define MARGIN 1e-9

/* ----- Python's sum() of floats, as the running interpreter does it ------------------------- */
typedef struct {
    double f;
    double c;
    int started;
} psum;

static inline void psum_init(psum *s) { s->f = 0.0; s->c = 0.0; s->started = 0; }

static inline void psum_add(psum *s, double x) {
    if (!s->started) {
        s->started = 1;
        s->f = 0.0 + x; /* int 0 + float */
        return;
    }
#if PY_VERSION_HEX >= 0x030C0000
    double t = s->f + x;
    if (fabs(s->f) >= fabs(x)) {
        s->c += (s->f - t) + x;
    } else {
        s->c += (x - t) + s->f;
    }
    s->f = t;
#else
    s->f += x;
#endif
}

static inline double psum_value(psum *s) {
#if PY_VERSION_HEX >= 0x030C0000
    if (s->c && isfinite(s->c)) return s->f + s->c;
#endif
    return s->f;
}

static inline double as_double(PyObject *o) {
    if (PyFloat_CheckExact(o)) return PyFloat_AS_DOUBLE(o);
    return PyFloat_AsDouble(o);
}

/* Python's float(x) // style helpers are not needed; math.floor/ceil of finite floats are. */

/* A position with its sort key (walk's order: low end, then position, as a stable sort). */
typedef struct {
    double key;
    Py_ssize_t pos;
} keyed;

/* ----- Money: FastRun's val and low lists, as C arrays ------------------------------------- */
/* A Money object stands for FastRun.val (a list of (vf, ve, vs, vse) tuples, or the shared ZERO tuple
 * for a class with no money) and its ``lows`` view for FastRun.low (a list of floats), indexed by
 * class id. Python code reads and writes them as lists: ``val[k]`` gives ZERO itself when the class
 * was set to ZERO (identity checks stay valid), else a new tuple of the stored floats; the kernel's
 * loops read the arrays directly. */
typedef struct {
    PyObject_HEAD
    Py_ssize_t n, cap;
    double *vf, *ve, *vs, *vse, *low;
    char *zero;
    PyObject *ZERO;
} Money;

typedef struct {
    PyObject_HEAD
    Money *m;
} LowView;

static PyTypeObject MoneyType, LowViewType;

static int money_reserve(Money *m, Py_ssize_t need) {
    if (need <= m->cap) return 0;
    Py_ssize_t cap = m->cap ? m->cap : 64;
    while (cap < need) cap *= 2;
    double **arrays[5] = {&m->vf, &m->ve, &m->vs, &m->vse, &m->low};
    for (int a = 0; a < 5; a++) {
        double *grown = PyMem_Realloc(*arrays[a], sizeof(double) * cap);
        if (!grown) { PyErr_NoMemory(); return -1; }
        *arrays[a] = grown;
    }
    char *z = PyMem_Realloc(m->zero, cap);
    if (!z) { PyErr_NoMemory(); return -1; }
    m->zero = z;
    m->cap = cap;
    return 0;
}

static void money_set_zero(Money *m, Py_ssize_t k) {
    m->vf[k] = m->ve[k] = m->vs[k] = m->vse[k] = 0.0;
    m->zero[k] = 1;
}

static int money_set(Money *m, Py_ssize_t k, PyObject *v) {
    if (v == m->ZERO) { money_set_zero(m, k); return 0; }
    if (!PyTuple_Check(v) || PyTuple_GET_SIZE(v) != 4) {
        PyErr_SetString(PyExc_TypeError, "a money value is a tuple of 4 floats");
        return -1;
    }
    double x[4];
    for (int i = 0; i < 4; i++) {
        x[i] = PyFloat_AsDouble(PyTuple_GET_ITEM(v, i));
        if (x[i] == -1.0 && PyErr_Occurred()) return -1;
    }
    m->vf[k] = x[0]; m->ve[k] = x[1]; m->vs[k] = x[2]; m->vse[k] = x[3];
    m->zero[k] = 0;
    return 0;
}

static PyObject *money_get(Money *m, Py_ssize_t k) {
    if (m->zero[k]) { Py_INCREF(m->ZERO); return m->ZERO; }
    return Py_BuildValue("(dddd)", m->vf[k], m->ve[k], m->vs[k], m->vse[k]);
}

/* Money(ZERO, first_value, first_low) */
static PyObject *money_new(PyTypeObject *type, PyObject *args, PyObject *kw) {
    PyObject *ZERO, *first;
    double first_low;
    if (!PyArg_ParseTuple(args, "O!Od", &PyTuple_Type, &ZERO, &first, &first_low)) return NULL;
    Money *m = (Money *)type->tp_alloc(type, 0);
    if (!m) return NULL;
    Py_INCREF(ZERO);
    m->ZERO = ZERO;
    if (money_reserve(m, 1) < 0 || money_set(m, 0, first) < 0) { Py_DECREF(m); return NULL; }
    m->low[0] = first_low;
    m->n = 1;
    return (PyObject *)m;
}

static void money_dealloc(Money *m) {
    PyMem_Free(m->vf); PyMem_Free(m->ve); PyMem_Free(m->vs); PyMem_Free(m->vse); PyMem_Free(m->low);
    PyMem_Free(m->zero);
    Py_XDECREF(m->ZERO);
    Py_TYPE(m)->tp_free((PyObject *)m);
}

static Py_ssize_t money_len(Money *m) { return m->n; }

static int check_index(Py_ssize_t k, Py_ssize_t n) {
    if (k < 0 || k >= n) { PyErr_SetString(PyExc_IndexError, "class id out of range"); return -1; }
    return 0;
}

static PyObject *money_item(Money *m, Py_ssize_t k) {
    if (check_index(k, m->n) < 0) return NULL;
    return money_get(m, k);
}

static int money_ass_item(Money *m, Py_ssize_t k, PyObject *v) {
    if (check_index(k, m->n) < 0) return -1;
    if (!v) { PyErr_SetString(PyExc_TypeError, "cannot delete"); return -1; }
    return money_set(m, k, v);
}

/* grow(count): append ``count`` classes with no money (placeholders, as extend(repeat(ZERO, count))) */
static PyObject *money_grow(Money *m, PyObject *arg) {
    Py_ssize_t count = PyLong_AsSsize_t(arg);
    if (count == -1 && PyErr_Occurred()) return NULL;
    if (count <= 0) Py_RETURN_NONE;
    if (money_reserve(m, m->n + count) < 0) return NULL;
    for (Py_ssize_t k = m->n; k < m->n + count; k++) { money_set_zero(m, k); m->low[k] = 0.0; }
    m->n += count;
    Py_RETURN_NONE;
}

/* shift(created, ft): resume_from's loop (created: an array('q') of class ids); returns (flat, err_max) */
static PyObject *money_shift(Money *m, PyObject *args) {
    Py_buffer created;
    double ft;
    if (!PyArg_ParseTuple(args, "y*d", &created, &ft)) return NULL;
    int flat = 0;
    double err_max = 0.0, two_eps = 2 * EPS;
    Py_ssize_t nc = created.len / (Py_ssize_t)sizeof(int64_t);
    const int64_t *cs = (const int64_t *)created.buf;
    for (Py_ssize_t j = 0; j < nc; j++) {
        Py_ssize_t k = (Py_ssize_t)cs[j];
        if (check_index(k, m->n) < 0) { PyBuffer_Release(&created); return NULL; }
        if (m->zero[k]) continue;
        double nf = m->vf[k] + m->vs[k] * ft;
        double ne = m->ve[k] + m->vse[k] * ft + two_eps * nf;
        m->vf[k] = nf;
        m->ve[k] = ne;
        double lo = m->low[k] = nf - ne;
        if (lo <= 0.0) flat = 1;
        if (ne > err_max) err_max = ne;
    }
    PyBuffer_Release(&created);
    return Py_BuildValue("(Od)", flat ? Py_True : Py_False, err_max);
}

/* A new view each time: Money keeps no reference to it, so there is no reference cycle (tally()
 * pauses the cyclic collector; a cycle would keep every run's arrays until the count ends). */
static PyObject *money_get_lows(Money *m, void *closure) {
    LowView *v = PyObject_New(LowView, &LowViewType);
    if (!v) return NULL;
    Py_INCREF(m);
    v->m = m;
    return (PyObject *)v;
}

static PySequenceMethods money_as_seq = {
    .sq_length = (lenfunc)money_len,
    .sq_item = (ssizeargfunc)money_item,
    .sq_ass_item = (ssizeobjargproc)money_ass_item,
};

static PyMethodDef money_methods[] = {
    {"grow", (PyCFunction)money_grow, METH_O, "Append classes with no money (placeholders)."},
    {"shift", (PyCFunction)money_shift, METH_VARARGS, "FastRun.resume_from's shift of the prefix's classes."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef money_getset[] = {
    {"lows", (getter)money_get_lows, NULL, "FastRun.low: the low ends, as a list-like view", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject MoneyType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "wijkgeld.pb.rules._kernel.Money",
    .tp_basicsize = sizeof(Money),
    .tp_dealloc = (destructor)money_dealloc,
    .tp_as_sequence = &money_as_seq,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "FastRun.val as C arrays (see _kernel.c).",
    .tp_methods = money_methods,
    .tp_getset = money_getset,
    .tp_new = money_new,
};

static void lowview_dealloc(LowView *v) {
    Py_XDECREF(v->m);
    PyObject_Free(v);
}

static Py_ssize_t lowview_len(LowView *v) { return v->m->n; }

static PyObject *lowview_item(LowView *v, Py_ssize_t k) {
    if (check_index(k, v->m->n) < 0) return NULL;
    return PyFloat_FromDouble(v->m->low[k]);
}

static int lowview_ass_item(LowView *v, Py_ssize_t k, PyObject *x) {
    if (check_index(k, v->m->n) < 0) return -1;
    if (!x) { PyErr_SetString(PyExc_TypeError, "cannot delete"); return -1; }
    double d = PyFloat_AsDouble(x);
    if (d == -1.0 && PyErr_Occurred()) return -1;
    v->m->low[k] = d;
    return 0;
}

static PySequenceMethods lowview_as_seq = {
    .sq_length = (lenfunc)lowview_len,
    .sq_item = (ssizeargfunc)lowview_item,
    .sq_ass_item = (ssizeobjargproc)lowview_ass_item,
};

static PyTypeObject LowViewType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "wijkgeld.pb.rules._kernel.LowView",
    .tp_basicsize = sizeof(LowView),
    .tp_dealloc = (destructor)lowview_dealloc,
    .tp_as_sequence = &lowview_as_seq,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "FastRun.low as a view of a Money object's low ends.",
};

/* ----- the classes of a walk in order of their low ends, made lazily --------------------------- */
/* walk() sorts positions by low end (stable: ties keep list order) but mostly reads only the first
 * few: a binary heap on (low, position) gives them in exactly that order, each on demand. */
typedef struct {
    keyed *h;       /* heap of the classes not yet taken */
    Py_ssize_t hn;
    keyed *out;     /* the classes taken so far, in order */
    Py_ssize_t outn;
} lazy_order;

#define KLESS(a, b) ((a).key < (b).key || ((a).key == (b).key && (a).pos < (b).pos))

static void lazy_init(lazy_order *o) {
    for (Py_ssize_t i = o->hn / 2 - 1; i >= 0; i--) {
        Py_ssize_t j = i;
        keyed x = o->h[j];
        for (;;) {
            Py_ssize_t c = 2 * j + 1;
            if (c >= o->hn) break;
            if (c + 1 < o->hn && KLESS(o->h[c + 1], o->h[c])) c++;
            if (!KLESS(o->h[c], x)) break;
            o->h[j] = o->h[c];
            j = c;
        }
        o->h[j] = x;
    }
}

/* The position of the j-th class in order, or -1 past the end. */
static inline Py_ssize_t lazy_get(lazy_order *o, Py_ssize_t j) {
    while (o->outn <= j) {
        if (o->hn == 0) return -1;
        o->out[o->outn++] = o->h[0];
        keyed x = o->h[--o->hn];
        Py_ssize_t i = 0;
        for (;;) {
            Py_ssize_t c = 2 * i + 1;
            if (c >= o->hn) break;
            if (c + 1 < o->hn && KLESS(o->h[c + 1], o->h[c])) c++;
            if (!KLESS(o->h[c], x)) break;
            o->h[i] = o->h[c];
            i = c;
        }
        if (o->hn) o->h[i] = x;
    }
    return o->out[j].pos;
}

/* ----- FastRun.walk ------------------------------------------------------------------------- */
/* walk_impl(money, packed, cost, weight, flat, parametric, limit, err_max): FastRun.walk, for
 * evaluate() below; ``packed``: the project's classes at the node, as MesEngine.packed makes them (class
 * ids as Py_ssize_t, then their weights as doubles). Returns (0, None): unaffordable, nothing to keep; (1, (rem, rem_e, rem_s, rem_se)): unaffordable,
 * keep(...) strict; (2, None): uncertain; (3, (rho, poor)): the price and the poor classes, as class
 * ids (-1 for the money-less ones, which walk() lists as ZERO); keep_poor below reads them. */

static PyObject *make_rho(double a, double b, double c, double d, PyObject *poor) {
    PyObject *rho = Py_BuildValue("(dddd)", a, b, c, d);
    if (!rho) { Py_DECREF(poor); return NULL; }
    PyObject *pair = PyTuple_Pack(2, rho, poor);
    Py_DECREF(rho);
    Py_DECREF(poor);
    if (!pair) return NULL;
    return Py_BuildValue("(iN)", 3, pair);
}

static PyObject *walk_impl(Money *mo, PyObject *packed, double cost, double weight, int flat, int parametric,
                           double limit, double err_max) {
    Py_ssize_t n = PyBytes_GET_SIZE(packed) / (Py_ssize_t)(sizeof(Py_ssize_t) + sizeof(double));
    const Py_ssize_t *kid = (const Py_ssize_t *)PyBytes_AS_STRING(packed);
    const double *ws = (const double *)(kid + n);
    const double *VF = mo->vf, *VE = mo->ve, *VS = mo->vs, *VSE = mo->vse, *LOW = mo->low;
    const char *Z = mo->zero;
    PyObject *result = NULL;
    double *lows = PyMem_Malloc(sizeof(double) * (n + 1));
    keyed *heap = PyMem_Malloc(sizeof(keyed) * (n + 1));
    keyed *out = PyMem_Malloc(sizeof(keyed) * (n + 1));
    Py_ssize_t *live = PyMem_Malloc(sizeof(Py_ssize_t) * (n + 1));
    Py_ssize_t *heap_pos = PyMem_Malloc(sizeof(Py_ssize_t) * (n + 1));
    Py_ssize_t *out_pos = PyMem_Malloc(sizeof(Py_ssize_t) * (n + 1));
    PyObject *poor = NULL;
    PyObject *minus_one = PyLong_FromLong(-1);
    if (!lows || !heap || !out || !live || !heap_pos || !out_pos || !minus_one) { PyErr_NoMemory(); goto done; }
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_ssize_t k = kid[i];
        if (k >= mo->n) { PyErr_SetString(PyExc_IndexError, "class id out of range"); goto done; }
        lows[i] = LOW[k];
    }
    if (PyErr_Occurred()) goto done;
    /* screen = sum(map(mul, weights, lows)) */
    psum ps;
    psum_init(&ps);
    for (Py_ssize_t i = 0; i < n; i++) psum_add(&ps, ws[i] * lows[i]);
    double screen = psum_value(&ps);
    double total = weight;
    if (screen < cost) {
        /* surely_short */
        int short_ = 0;
        if (!(parametric && limit == INFINITY)) {
            double grow = 1 + (double)(n + 6) * EPS;
            int need_slopes = parametric && limit != 0;
            if (!need_slopes && !flat) {
                double me_ = err_max * total * (1 + 2 * EPS);
                if (cost * (1 - 2 * EPS) - (screen + 2 * me_) * grow * (1 + 2 * EPS) > 0) {
                    short_ = 1;
                } else {
                    psum pe;
                    psum_init(&pe);
                    for (Py_ssize_t i = 0; i < n; i++) psum_add(&pe, ws[i] * VE[kid[i]]);
                    me_ = psum_value(&pe);
                    short_ = cost * (1 - 2 * EPS) - (screen + 2 * me_) * grow * (1 + 2 * EPS) > 0;
                }
            } else {
                double m = 0.0, me = 0.0, ms = 0.0, mse = 0.0;
                for (Py_ssize_t i = 0; i < n; i++) {
                    Py_ssize_t k = kid[i];
                    double w = ws[i];
                    m += w * VF[k];
                    me += w * VE[k];
                    if (need_slopes) {
                        ms += w * VS[k];
                        mse += w * VSE[k];
                    }
                }
                double sh = cost * (1 - 2 * EPS) - (m + me) * grow;
                if (sh > 0) {
                    if (!need_slopes) {
                        short_ = 1;
                    } else {
                        double rem_e = (EPS * cost * (double)(n + 1) + me + EPS * m) * grow;
                        double value_low = (sh - 2 * rem_e) * (1 - 2 * EPS);
                        if (value_low > 0) {
                            double fall = (ms + mse + EPS * (double)(n + 1) * ms) * grow * (1 + 2 * EPS);
                            short_ = value_low > (limit + 1) * fall * (1 + 1e-9);
                        }
                    }
                }
            }
        }
        if (short_) { result = Py_BuildValue("(iO)", 0, Py_None); goto done; }
    }
    /* the classes with money (all of them when flat), in list order */
    Py_ssize_t nlive = 0;
    int drained = 0;
    if (!flat) {
        psum pw;
        psum_init(&pw);
        for (Py_ssize_t i = 0; i < n; i++)
            if (lows[i] != 0.0) { live[nlive++] = i; psum_add(&pw, ws[i]); }
        if (nlive < n) {
            weight = pw.started ? psum_value(&pw) : 0.0;
            drained = 1;
        }
    } else {
        for (Py_ssize_t i = 0; i < n; i++) live[nlive++] = i;
    }
    if (!drained) {
        /* min(lows): often the only class this walk needs */
        if (n == 0) { PyErr_SetString(PyExc_ValueError, "min() arg is an empty sequence"); goto done; }
        double lowest = lows[0];
        for (Py_ssize_t i = 1; i < n; i++)
            if (lows[i] < lowest) lowest = lows[i];
        double q0 = cost / weight;
        if (lowest > q0 * (1 + 4 * EPS)) {
            poor = PyList_New(0);
            if (!poor) goto done;
            result = make_rho(q0, 2 * EPS * q0, 0.0, 0.0, poor);
            poor = NULL;
            goto done;
        }
    }
    int slopes = parametric && limit != 0;
    if (!flat && screen >= cost) {
        /* quick_price: passes that take every class below the current price at once */
        Py_ssize_t *pend = heap_pos, *taken = out_pos, np = nlive, nt = 0;
        memcpy(pend, live, sizeof(Py_ssize_t) * nlive);
        double rem = cost, tot = weight, w = weight, rem_s = 0.0;
        int ok = 1;
        for (;;) {
            Py_ssize_t start = nt, keep = 0;
            for (Py_ssize_t j = 0; j < np; j++) {
                Py_ssize_t i = pend[j];
                if (VF[kid[i]] * w < rem) taken[nt++] = i;
                else pend[keep++] = i;
            }
            if (nt == start) break;
            for (Py_ssize_t j = start; j < nt; j++) {
                Py_ssize_t i = taken[j], k = kid[i];
                double wf = ws[i];
                rem -= wf * VF[k];
                if (slopes) rem_s -= wf * VS[k];
                w -= wf;
            }
            np = keep;
            if (!np) { ok = 0; break; }
        }
        if (ok) {
            double rem_e = (EPS * cost * (double)(nt + 1) + err_max * (tot - w)) * (1 + 4 * EPS);
            double q = rem / w;
            double q_e = rem_e / w + EPS * q;
            double least = lows[pend[0]];
            for (Py_ssize_t j = 1; j < np; j++)
                if (lows[pend[j]] < least) least = lows[pend[j]];
            if (least * (1 - 2 * EPS) <= (q + q_e) * (1 + 2 * EPS)) ok = 0;
            if (ok && nt) {
                double most = lows[taken[0]];
                for (Py_ssize_t j = 1; j < nt; j++)
                    if (lows[taken[j]] > most) most = lows[taken[j]];
                if (most * (1 + 2 * EPS) + 2 * err_max * (1 + 2 * EPS) >= (q - q_e) * (1 - 2 * EPS)) ok = 0;
            }
            if (ok) {
                poor = PyList_New(0);
                if (!poor) goto done;
                if (!slopes) {
                    if (drained && PyList_Append(poor, minus_one) < 0) goto done;
                    result = make_rho(q, q_e, 0.0, 0.0, poor);
                    poor = NULL;
                    goto done;
                }
                psum pe;
                psum_init(&pe);
                for (Py_ssize_t j = 0; j < nt; j++) {
                    Py_ssize_t pi = taken[j];
                    PyObject *v = PyLong_FromSsize_t(kid[pi]);
                    if (!v || PyList_Append(poor, v) < 0) { Py_XDECREF(v); goto done; }
                    Py_DECREF(v);
                    psum_add(&pe, ws[pi] * VSE[kid[pi]]);
                }
                if (drained && PyList_Append(poor, minus_one) < 0) goto done;
                double slope_e = psum_value(&pe);
                double rem_se =
                    (slope_e * (1 + (double)(nt + 2) * EPS) - EPS * (double)(nt + 1) * rem_s) * (1 + 4 * EPS);
                double qs = rem_s / w;
                result = make_rho(q, q_e, qs, rem_se / w + EPS * fabs(qs), poor);
                poor = NULL;
                goto done;
            }
        }
    }
    /* the order: positions by low end, made lazily */
    lazy_order ord = {heap, 0, out, 0};
    for (Py_ssize_t j = 0; j < nlive; j++) {
        heap[j].key = lows[live[j]];
        heap[j].pos = live[j];
    }
    ord.hn = nlive;
    lazy_init(&ord);
    poor = PyList_New(0);
    if (!poor) goto done;
    {
        double rem = cost, rem_e = EPS * cost, rem_s = 0.0, rem_se = 0.0;
        int broke = 0;
        Py_ssize_t i;
        for (Py_ssize_t j = 0; (i = lazy_get(&ord, j)) >= 0; j++) {
            Py_ssize_t k = kid[i];
            if (Z[k]) {
                weight -= ws[i];
                drained = 1;
                continue;
            }
            double vf = VF[k];
            double ve = VE[k];
            double vw = vf * weight;
            double d = vw - rem;
            double d_e = ve * weight + rem_e + EPS * (vw + rem);
            if (d > d_e) { broke = 1; break; }
            if (d >= -d_e) { result = Py_BuildValue("(iO)", 2, Py_None); goto done; }
            double wf = ws[i];
            double wvf = wf * vf;
            if (slopes) {
                PyObject *v = PyLong_FromSsize_t(k);
                if (!v || PyList_Append(poor, v) < 0) { Py_XDECREF(v); goto done; }
                Py_DECREF(v);
                double vs = VS[k];
                double vse = VSE[k];
                double wvs = wf * vs;
                rem_e += wf * ve + EPS * (rem + wvf);
                rem -= wvf;
                rem_se += wf * vse + EPS * (wvs - rem_s);
                rem_s -= wvs;
            } else {
                rem_e += wf * ve + EPS * (rem + wvf);
                rem -= wvf;
            }
            weight -= wf;
        }
        if (!broke) {
            if (!slopes) result = Py_BuildValue("(iO)", 0, Py_None);
            else result = Py_BuildValue("(i(dddd))", 1, rem, rem_e, rem_s, rem_se);
            goto done;
        }
        double q = rem / weight;
        double q_e = rem_e / weight + EPS * q;
        double qs = rem_s / weight;
        double qs_e = rem_se / weight + EPS * fabs(qs);
        if (drained && PyList_Append(poor, minus_one) < 0) goto done;
        result = make_rho(q, q_e, qs, qs_e, poor);
        poor = NULL;
    }
done:
    Py_XDECREF(poor);
    Py_XDECREF(minus_one);
    PyMem_Free(lows);
    PyMem_Free(heap);
    PyMem_Free(out);
    PyMem_Free(live);
    PyMem_Free(heap_pos);
    PyMem_Free(out_pos);
    return result;
}

/* ----- FastRun.go: one round's walks ----------------------------------------------------------- */
/* heapq on a list of heap entries (low, key, err, slope, slope_err, p): tuples of five floats and an
 * int, compared as tuples are (the floats in order, then p; no NaN). The entries of one heap have
 * distinct p, so the order is total and every valid heap pops them in the same order. */
static int entry_less(PyObject *a, PyObject *b) {
    for (int i = 0; i < 5; i++) {
        double x = PyFloat_AS_DOUBLE(PyTuple_GET_ITEM(a, i)), y = PyFloat_AS_DOUBLE(PyTuple_GET_ITEM(b, i));
        if (x < y) return 1;
        if (x > y) return 0;
    }
    return PyLong_AsSsize_t(PyTuple_GET_ITEM(a, 5)) < PyLong_AsSsize_t(PyTuple_GET_ITEM(b, 5));
}

static int entry_ok(PyObject *e) {
    if (!PyTuple_CheckExact(e) || PyTuple_GET_SIZE(e) != 6) return 0;
    for (int i = 0; i < 5; i++)
        if (!PyFloat_CheckExact(PyTuple_GET_ITEM(e, i))) return 0;
    return PyLong_CheckExact(PyTuple_GET_ITEM(e, 5));
}

/* heapq.heappop(heap): the smallest entry (a new reference) */
static PyObject *heap_pop(PyObject *heap) {
    Py_ssize_t n = PyList_GET_SIZE(heap);
    PyObject *last = PyList_GET_ITEM(heap, n - 1);
    Py_INCREF(last);
    if (PyList_SetSlice(heap, n - 1, n, NULL) < 0) { Py_DECREF(last); return NULL; }
    n--;
    if (n == 0) return last;
    PyObject *top = PyList_GET_ITEM(heap, 0); /* the list's reference, handed to the caller below */
    /* _siftup as heapq does it: move the smaller child up to the leaf, then sift ``last`` down */
    PyObject **h = ((PyListObject *)heap)->ob_item;
    Py_ssize_t pos = 0, child = 1;
    while (child < n) {
        Py_ssize_t right = child + 1;
        if (right < n && !entry_less(h[child], h[right])) child = right;
        h[pos] = h[child];
        pos = child;
        child = 2 * pos + 1;
    }
    /* _siftdown(heap, 0, pos) with ``last`` */
    while (pos > 0) {
        Py_ssize_t parent = (pos - 1) >> 1;
        if (entry_less(last, h[parent])) {
            h[pos] = h[parent];
            pos = parent;
            continue;
        }
        break;
    }
    h[pos] = last; /* the list's reference to ``top`` moves to the caller; ``last``'s to the list */
    return top;
}

/* evaluate(money, heap, packed_of, packer, cost_f, total_f, flat, parametric, limit, err_max,
 *          best_high, evaluated, rho_of, poor_of, dropped, drop_log, rnd)
 * FastRun.go's inner loop for one round, while the heap's lowest low end is <= best_high: pop, walk
 * (packed_of: the node's packed lists, packer(p) makes a missing one), and record the outcome as the
 * Python loop does (evaluated entries, rho_of[p] and poor_of[p], dropped[p] = rnd and drop_log for an
 * unaffordable project with nothing to keep). Returns (0, None, best_high, None) when the round's
 * walks are done; for a walk that the caller must finish, (1, p, best_high, (g0, e0, g1, e1)): keep
 * these and drop p; (2, p, best_high, None): too close, walk p exactly. Call again after it. */
static PyObject *k_evaluate(PyObject *self, PyObject *args) {
    Money *mo;
    PyObject *heap, *packed_of, *packer, *cost_f, *total_f, *evaluated, *rho_of, *poor_of, *dropped, *drop_log, *rnd;
    int flat, parametric;
    double limit, err_max, best_high;
    if (!PyArg_ParseTuple(args, "O!O!O!OO!O!ppdddO!O!O!O!O!O", &MoneyType, &mo, &PyList_Type, &heap, &PyDict_Type,
                          &packed_of, &packer, &PyList_Type, &cost_f, &PyList_Type, &total_f, &flat, &parametric,
                          &limit, &err_max, &best_high, &PyList_Type, &evaluated, &PyDict_Type, &rho_of,
                          &PyDict_Type, &poor_of, &PyDict_Type, &dropped, &PyList_Type, &drop_log, &rnd))
        return NULL;
    Py_ssize_t nc = PyList_GET_SIZE(cost_f);
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(heap); i++)
        if (!entry_ok(PyList_GET_ITEM(heap, i))) {
            PyErr_SetString(PyExc_TypeError, "heap entries are (5 floats, int)");
            return NULL;
        }
    while (PyList_GET_SIZE(heap) > 0) {
        PyObject *first = PyList_GET_ITEM(heap, 0);
        if (!(PyFloat_AS_DOUBLE(PyTuple_GET_ITEM(first, 0)) <= best_high)) break;
        PyObject *entry = heap_pop(heap);
        if (!entry) return NULL;
        PyObject *pobj = PyTuple_GET_ITEM(entry, 5);
        Py_INCREF(pobj);
        Py_DECREF(entry);
        Py_ssize_t p = PyLong_AsSsize_t(pobj);
        if (p == -1 && PyErr_Occurred()) { Py_DECREF(pobj); return NULL; }
        if (check_index(p, nc) < 0 || check_index(p, PyList_GET_SIZE(total_f)) < 0) { Py_DECREF(pobj); return NULL; }
        PyObject *packed = PyDict_GetItemWithError(packed_of, pobj); /* borrowed */
        if (packed) {
            Py_INCREF(packed);
        } else {
            if (PyErr_Occurred()) { Py_DECREF(pobj); return NULL; }
            packed = PyObject_CallOneArg(packer, pobj);
            if (!packed) { Py_DECREF(pobj); return NULL; }
        }
        if (!PyBytes_Check(packed)) {
            Py_DECREF(packed);
            Py_DECREF(pobj);
            PyErr_SetString(PyExc_TypeError, "packed class lists");
            return NULL;
        }
        double cf = as_double(PyList_GET_ITEM(cost_f, p));
        double weight = as_double(PyList_GET_ITEM(total_f, p));
        PyObject *res = (cf == -1.0 || weight == -1.0) && PyErr_Occurred()
                            ? NULL
                            : walk_impl(mo, packed, cf, weight, flat, parametric, limit, err_max);
        Py_DECREF(packed);
        if (!res) { Py_DECREF(pobj); return NULL; }
        long code = PyLong_AsLong(PyTuple_GET_ITEM(res, 0));
        if (code == 1 || code == 2) {
            PyObject *extra = PyTuple_GET_ITEM(res, 1);
            PyObject *out = Py_BuildValue("(lOdO)", code, pobj, best_high, extra);
            Py_DECREF(res);
            Py_DECREF(pobj);
            return out;
        }
        if (code == 0) {
            Py_DECREF(res);
            int bad = PyDict_SetItem(dropped, pobj, rnd) < 0 || PyList_Append(drop_log, pobj) < 0;
            Py_DECREF(pobj);
            if (bad) return NULL;
            continue;
        }
        /* code 3: (rho, poor) */
        PyObject *found = PyTuple_GET_ITEM(res, 1);
        PyObject *rho = PyTuple_GET_ITEM(found, 0);
        double r0 = PyFloat_AS_DOUBLE(PyTuple_GET_ITEM(rho, 0)), r1 = PyFloat_AS_DOUBLE(PyTuple_GET_ITEM(rho, 1));
        double r2 = PyFloat_AS_DOUBLE(PyTuple_GET_ITEM(rho, 2)), r3 = PyFloat_AS_DOUBLE(PyTuple_GET_ITEM(rho, 3));
        if (PyDict_SetItem(rho_of, pobj, rho) < 0 || PyDict_SetItem(poor_of, pobj, PyTuple_GET_ITEM(found, 1)) < 0) {
            Py_DECREF(res);
            Py_DECREF(pobj);
            return NULL;
        }
        Py_DECREF(res);
        double key = r0 / cf;
        double err = r1 / cf + 2 * EPS * key;
        double sl = r2 / cf;
        PyObject *e = Py_BuildValue("(dddddO)", key - err, key, err, sl, r3 / cf + 2 * EPS * fabs(sl), pobj);
        Py_DECREF(pobj);
        if (!e) return NULL;
        int bad = PyList_Append(evaluated, e) < 0;
        Py_DECREF(e);
        if (bad) return NULL;
        double high = key + err;
        if (high < best_high) best_high = high; /* min(best_high, key + err) */
    }
    return Py_BuildValue("(iOdO)", 0, Py_None, best_high, Py_None);
}

/* certify_heap(heap, ranks, rank_s, ks, es, ss, ess, limit) -> (status, limit): FastRun.certify's loop
 * for a winner priced in floats: every entry must keep losing to it for t up to the limit. status 0:
 * the limit stays; 1: the new limit (an int); 2: a bound too large for doubles to be exact (limit or
 * an x of 2**52 or more): the caller runs the Python loop instead. */
static PyObject *k_certify_heap(PyObject *self, PyObject *args) {
    PyObject *heap, *ranks;
    Py_ssize_t rank_s;
    double ks, es, ss, ess, limit;
    if (!PyArg_ParseTuple(args, "O!O!nddddd", &PyList_Type, &heap, &PyList_Type, &ranks, &rank_s, &ks, &es, &ss,
                          &ess, &limit))
        return NULL;
    const double big = 4503599627370496.0; /* 2**52 */
    if (limit != INFINITY && limit >= big) return Py_BuildValue("(iO)", 2, Py_None);
    double start = limit, abs_ss = fabs(ss);
    Py_ssize_t n = PyList_GET_SIZE(heap), nr = PyList_GET_SIZE(ranks);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *e = PyList_GET_ITEM(heap, i);
        if (!entry_ok(e)) { PyErr_SetString(PyExc_TypeError, "heap entries are (5 floats, int)"); return NULL; }
        double kp = PyFloat_AS_DOUBLE(PyTuple_GET_ITEM(e, 1)), ep = PyFloat_AS_DOUBLE(PyTuple_GET_ITEM(e, 2));
        double sp = PyFloat_AS_DOUBLE(PyTuple_GET_ITEM(e, 3)), esp = PyFloat_AS_DOUBLE(PyTuple_GET_ITEM(e, 4));
        double slope_low = (sp - ss) - (esp + ess + EPS * (fabs(sp) + abs_ss));
        if (slope_low >= 0) continue;
        double value_low = (kp - ks) - (ep + es + EPS * (kp + ks));
        if (value_low <= 0) {
            limit = 0;
        } else {
            double x = value_low / -slope_low * (1 - 1e-12);
            if (x < limit + 1) {
                if (x >= big) return Py_BuildValue("(iO)", 2, Py_None);
                Py_ssize_t p = PyLong_AsSsize_t(PyTuple_GET_ITEM(e, 5));
                if (p == -1 && PyErr_Occurred()) return NULL;
                if (check_index(p, nr) < 0) return NULL;
                Py_ssize_t rp = PyLong_AsSsize_t(PyList_GET_ITEM(ranks, p));
                if (rp == -1 && PyErr_Occurred()) return NULL;
                double bound = rp < rank_s ? ceil(x) - 1 : floor(x);
                if (bound < limit) limit = bound;
            }
        }
        if (limit == 0) break;
    }
    if (limit == start) return Py_BuildValue("(iO)", 0, Py_None);
    return Py_BuildValue("(iN)", 1, PyLong_FromDouble(limit));
}

/* ----- The reader's ballots ----------------------------------------------------------------------- */
/* make_objects(cls, names, columns, count) -> list: ``count`` instances of the slotted class ``cls``
 * (model.Ballot), made as object.__new__(cls) makes them, with slot names[i] of the j-th set to the
 * j-th value of the iterable columns[i]: what model.make_ballots does through the slots' descriptors,
 * without a Python-level call per field (the reader makes 130,000 ballots for one file). */
static PyObject *k_make_objects(PyObject *self, PyObject *args) {
    PyTypeObject *cls;
    PyObject *names, *columns;
    Py_ssize_t count;
    if (!PyArg_ParseTuple(args, "O!O!O!n", &PyType_Type, &cls, &PyTuple_Type, &names, &PyTuple_Type, &columns,
                          &count))
        return NULL;
    Py_ssize_t nf = PyTuple_GET_SIZE(names);
    if (PyTuple_GET_SIZE(columns) != nf || nf > 16 || count < 0) {
        PyErr_SetString(PyExc_ValueError, "a column per name, at most 16");
        return NULL;
    }
    Py_ssize_t offset[16];
    PyObject *iters[16] = {NULL};
    PyObject *out = NULL;
    for (Py_ssize_t f = 0; f < nf; f++) {
        PyObject *d = PyObject_GetAttr((PyObject *)cls, PyTuple_GET_ITEM(names, f));
        if (!d) goto done;
        int ok = Py_IS_TYPE(d, &PyMemberDescr_Type) && ((PyMemberDescrObject *)d)->d_member->type == T_OBJECT_EX &&
                 !(((PyMemberDescrObject *)d)->d_member->flags & READONLY);
        if (ok) offset[f] = ((PyMemberDescrObject *)d)->d_member->offset;
        Py_DECREF(d);
        if (!ok) { PyErr_SetString(PyExc_TypeError, "a writable slot"); goto done; }
        iters[f] = PyObject_GetIter(PyTuple_GET_ITEM(columns, f));
        if (!iters[f]) goto done;
    }
    out = PyList_New(count);
    if (!out) goto done;
    for (Py_ssize_t j = 0; j < count; j++) {
        PyObject *obj = cls->tp_alloc(cls, 0);
        if (!obj) { Py_CLEAR(out); goto done; }
        PyList_SET_ITEM(out, j, obj);
        for (Py_ssize_t f = 0; f < nf; f++) {
            PyObject *v = PyIter_Next(iters[f]);
            if (!v) {
                if (!PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "a column is shorter than count");
                Py_CLEAR(out);
                goto done;
            }
            *(PyObject **)((char *)obj + offset[f]) = v; /* the new reference goes to the slot */
        }
    }
done:
    for (Py_ssize_t f = 0; f < nf; f++) Py_XDECREF(iters[f]);
    return out;
}

/* split_rows(data, pieces, decode) -> (strs, cells_a, index_a, cells_b, index_b) or None:
 * pbfile._Parser._plain_votes's split of a plain VOTES section (UTF-8 bytes, LF or CRLF line ends):
 * every line cut into ``pieces`` (2 or 3) pieces at its first pieces - 1 ``;`` (the last piece keeps
 * any further ``;``). Piece number ``decode`` of every line is decoded into ``strs`` (the voter ids);
 * of the other two pieces (the second empty when pieces is 2), the distinct values in order of first
 * appearance (bytes) and per line the index of its value (int32, packed). None, as the Python lines
 * give it, for a blank line, a line with fewer pieces, or a carriage return other than before a line
 * feed; a last line without a line feed counts. */
typedef struct {
    const char *p;
    Py_ssize_t n;
} span;

typedef struct {
    span *keys;     /* distinct values */
    Py_ssize_t n, cap;
    int32_t *slot;  /* index into keys, or -1 */
    size_t mask;
} spanset;

static inline size_t span_hash(span x) {
    uint64_t h = 1469598103934665603ULL;
    for (Py_ssize_t i = 0; i < x.n; i++) h = (h ^ (unsigned char)x.p[i]) * 1099511628211ULL;
    return (size_t)(h ^ (h >> 31));
}

static int spanset_init(spanset *s) {
    s->n = 0;
    s->cap = 256;
    s->keys = PyMem_Malloc(sizeof(span) * s->cap);
    s->mask = 1023;
    s->slot = PyMem_Malloc(sizeof(int32_t) * (s->mask + 1));
    if (!s->keys || !s->slot) { PyErr_NoMemory(); return -1; }
    memset(s->slot, 0xff, sizeof(int32_t) * (s->mask + 1));
    return 0;
}

static void spanset_free(spanset *s) {
    PyMem_Free(s->keys);
    PyMem_Free(s->slot);
}

/* The index of x, added on first sight; -1 with an exception set. */
static Py_ssize_t spanset_index(spanset *s, span x) {
    size_t h = span_hash(x) & s->mask;
    for (;;) {
        int32_t e = s->slot[h];
        if (e == -1) break;
        if (s->keys[e].n == x.n && memcmp(s->keys[e].p, x.p, (size_t)x.n) == 0) return e;
        h = (h + 1) & s->mask;
    }
    if (s->n == s->cap) {
        span *grown = PyMem_Realloc(s->keys, sizeof(span) * s->cap * 2);
        if (!grown) { PyErr_NoMemory(); return -1; }
        s->keys = grown;
        s->cap *= 2;
    }
    Py_ssize_t id = s->n++;
    s->keys[id] = x;
    s->slot[h] = (int32_t)id;
    if ((size_t)s->n * 2 > s->mask + 1) {
        size_t size = (s->mask + 1) * 2;
        int32_t *slot = PyMem_Malloc(sizeof(int32_t) * size);
        if (!slot) { PyErr_NoMemory(); return -1; }
        memset(slot, 0xff, sizeof(int32_t) * size);
        for (Py_ssize_t i = 0; i < s->n; i++) {
            size_t g = span_hash(s->keys[i]) & (size - 1);
            while (slot[g] != -1) g = (g + 1) & (size - 1);
            slot[g] = (int32_t)i;
        }
        PyMem_Free(s->slot);
        s->slot = slot;
        s->mask = size - 1;
    }
    return id;
}

static PyObject *spanset_values(spanset *s) {
    PyObject *out = PyList_New(s->n);
    if (!out) return NULL;
    for (Py_ssize_t i = 0; i < s->n; i++) {
        PyObject *b = PyBytes_FromStringAndSize(s->keys[i].p, s->keys[i].n);
        if (!b) { Py_DECREF(out); return NULL; }
        PyList_SET_ITEM(out, i, b);
    }
    return out;
}

static PyObject *k_split_rows(PyObject *self, PyObject *args) {
    PyObject *data;
    int pieces, decode;
    if (!PyArg_ParseTuple(args, "O!ii", &PyBytes_Type, &data, &pieces, &decode)) return NULL;
    if ((pieces != 2 && pieces != 3) || decode < 0 || decode >= pieces) {
        PyErr_SetString(PyExc_ValueError, "2 or 3 pieces");
        return NULL;
    }
    const char *d = PyBytes_AS_STRING(data);
    Py_ssize_t len = PyBytes_GET_SIZE(data);
    /* lines: the data's, less one line end at its end */
    Py_ssize_t lines = 0;
    for (const char *q = d; (q = memchr(q, '\n', (size_t)(d + len - q))) != NULL; q++) lines++;
    if (len && d[len - 1] != '\n') lines++;
    PyObject *strs = PyList_New(lines), *result = NULL, *ia = NULL, *ib = NULL;
    spanset sa = {0}, sb = {0};
    if (!strs || spanset_init(&sa) < 0 || spanset_init(&sb) < 0) goto done;
    ia = PyBytes_FromStringAndSize(NULL, lines * (Py_ssize_t)sizeof(int32_t));
    ib = PyBytes_FromStringAndSize(NULL, lines * (Py_ssize_t)sizeof(int32_t));
    if (!ia || !ib) goto done;
    int32_t *xa = (int32_t *)PyBytes_AS_STRING(ia), *xb = (int32_t *)PyBytes_AS_STRING(ib);
    const char *at = d, *end = d + len;
    for (Py_ssize_t i = 0; i < lines; i++) {
        const char *nl = memchr(at, '\n', (size_t)(end - at));
        const char *stop = nl ? nl : end;
        if (stop > at && stop[-1] == '\r' && nl) stop--; /* CRLF */
        if (memchr(at, '\r', (size_t)(stop - at))) goto plain_no; /* a lone carriage return */
        if (stop == at) goto plain_no;                             /* a blank line */
        span piece[3] = {{at, 0}, {at, 0}, {at, 0}};
        const char *c = at;
        int k = 0;
        for (; k < pieces - 1; k++) {
            const char *semi = memchr(c, ';', (size_t)(stop - c));
            if (!semi) goto plain_no; /* fewer pieces */
            piece[k].p = c;
            piece[k].n = semi - c;
            c = semi + 1;
        }
        piece[k].p = c;
        piece[k].n = stop - c;
        PyObject *str = PyUnicode_DecodeUTF8(piece[decode].p, piece[decode].n, "strict");
        if (!str) goto done;
        PyList_SET_ITEM(strs, i, str);
        int other[2], m = 0;
        for (int j = 0; j < pieces; j++)
            if (j != decode) other[m++] = j;
        Py_ssize_t a = spanset_index(&sa, piece[other[0]]);
        Py_ssize_t b = pieces == 3 ? spanset_index(&sb, piece[other[1]]) : 0;
        if (a < 0 || b < 0) goto done;
        xa[i] = (int32_t)a;
        xb[i] = (int32_t)b;
        at = nl ? nl + 1 : end;
    }
    {
        PyObject *va = spanset_values(&sa), *vb = spanset_values(&sb);
        if (va && vb) result = Py_BuildValue("(OOOOO)", strs, va, ia, vb, ib);
        Py_XDECREF(va);
        Py_XDECREF(vb);
    }
    goto done;
plain_no:
    result = Py_NewRef(Py_None);
done:
    Py_XDECREF(strs);
    Py_XDECREF(ia);
    Py_XDECREF(ib);
    spanset_free(&sa);
    spanset_free(&sb);
    return result;
}

/* ----- FastRun.buy's loop ------------------------------------------------------------------- */
/* buy(money, packed, children, q, q_e, qs, qs_e, zero_stays) -> list of the children whose money is a
 * close call, which the caller settles exactly (in order). ``packed``: the winner's classes
 * (MesEngine.packed); ``children``: their children's ids (MesEngine.child_packed, int64). */
static PyObject *k_buy(PyObject *self, PyObject *args) {
    Money *mo;
    PyObject *packed, *children;
    double q, q_e, qs, qs_e;
    int zero_stays;
    if (!PyArg_ParseTuple(args, "O!O!O!ddddp", &MoneyType, &mo, &PyBytes_Type, &packed, &PyBytes_Type, &children,
                          &q, &q_e, &qs, &qs_e, &zero_stays))
        return NULL;
    Py_ssize_t n = PyBytes_GET_SIZE(packed) / (Py_ssize_t)(sizeof(Py_ssize_t) + sizeof(double));
    const Py_ssize_t *ids = (const Py_ssize_t *)PyBytes_AS_STRING(packed);
    const int64_t *kids = (const int64_t *)PyBytes_AS_STRING(children);
    if (PyBytes_GET_SIZE(children) != n * (Py_ssize_t)sizeof(int64_t)) {
        PyErr_SetString(PyExc_ValueError, "ids and children differ in length");
        return NULL;
    }
    double aqs = fabs(qs);
    PyObject *close = PyList_New(0);
    if (!close) return NULL;
    for (Py_ssize_t j = 0; j < n; j++) {
        Py_ssize_t k = ids[j];
        Py_ssize_t nw = (Py_ssize_t)kids[j];
        if (check_index(k, mo->n) < 0 || check_index(nw, mo->n) < 0) goto fail;
        if (mo->zero[k] && zero_stays) {
            money_set_zero(mo, nw);
            mo->low[nw] = 0.0;
            continue;
        }
        double vf = mo->vf[k], ve = mo->ve[k];
        double left = vf - q;
        double left_e = ve + q_e + EPS * (vf + q);
        if (left < -left_e) {
            money_set_zero(mo, nw);
            mo->low[nw] = 0.0;
        } else if (left > left_e) {
            double vs = mo->vs[k], vse = mo->vse[k];
            mo->vf[nw] = left;
            mo->ve[nw] = left_e;
            mo->vs[nw] = vs - qs;
            mo->vse[nw] = vse + qs_e + EPS * (vs + aqs);
            mo->zero[nw] = 0;
            mo->low[nw] = left - left_e;
        } else {
            PyObject *x = PyLong_FromSsize_t(nw);
            if (!x || PyList_Append(close, x) < 0) { Py_XDECREF(x); goto fail; }
            Py_DECREF(x);
        }
    }
    return close;
fail:
    Py_DECREF(close);
    return NULL;
}




/* ----- A node's type classes ------------------------------------------------------------------- */
/* MesEngine keeps, per node, the class id of every ballot type (``tc``): here a bytes object of
 * int32, made from the parent's when the node is made. A project's class lists are then one pass
 * over its supporter types (``tc_pack``) instead of hashing their class keys (bit masks of up to a
 * few hundred bits). */

static int32_t *tc_data(PyObject *tc, Py_ssize_t *n) {
    if (!PyBytes_Check(tc) || PyBytes_GET_SIZE(tc) % (Py_ssize_t)sizeof(int32_t)) {
        PyErr_SetString(PyExc_TypeError, "a packed int32 array");
        return NULL;
    }
    *n = PyBytes_GET_SIZE(tc) / (Py_ssize_t)sizeof(int32_t);
    return (int32_t *)PyBytes_AS_STRING(tc);
}

/* An open-addressing map from class id to a position (or a class id), -1 empty. */
typedef struct {
    int32_t *key;
    Py_ssize_t *val;
    size_t mask;
} imap;

static int imap_init(imap *m, Py_ssize_t entries) {
    size_t size = 16;
    while (size < (size_t)(2 * entries + 2)) size *= 2;
    m->key = PyMem_Malloc(sizeof(int32_t) * size);
    m->val = PyMem_Malloc(sizeof(Py_ssize_t) * size);
    m->mask = size - 1;
    if (!m->key || !m->val) { PyErr_NoMemory(); return -1; }
    memset(m->key, 0xff, sizeof(int32_t) * size);
    return 0;
}

static void imap_free(imap *m) {
    PyMem_Free(m->key);
    PyMem_Free(m->val);
}

/* The slot of k: where it is, or the empty slot where it goes. */
static inline size_t imap_slot(imap *m, int32_t k) {
    size_t h = ((size_t)(uint32_t)k * (size_t)0x9E3779B97F4A7C15ULL) >> 17 & m->mask;
    while (m->key[h] != k && m->key[h] != -1) h = (h + 1) & m->mask;
    return h;
}

/* child_tc(tc, types, packed, children) -> bytes: tc with every type in ``types`` (s's supporters)
 * moved from its class (s's classes at the node, as MesEngine.packed makes them) to that class's child
 * (children: int64, in the same order; MesEngine.child's loop) */
static PyObject *k_child_tc(PyObject *self, PyObject *args) {
    PyObject *tc, *types, *packed, *children;
    if (!PyArg_ParseTuple(args, "O!O!O!O!", &PyBytes_Type, &tc, &PyBytes_Type, &types, &PyBytes_Type, &packed,
                          &PyBytes_Type, &children))
        return NULL;
    Py_ssize_t n = 0, nt = 0;
    Py_ssize_t m = PyBytes_GET_SIZE(packed) / (Py_ssize_t)(sizeof(Py_ssize_t) + sizeof(double));
    const Py_ssize_t *olds = (const Py_ssize_t *)PyBytes_AS_STRING(packed);
    const int64_t *news = (const int64_t *)PyBytes_AS_STRING(children);
    int32_t *src = tc_data(tc, &n), *ts = tc_data(types, &nt);
    if (!src || !ts) return NULL;
    if (PyBytes_GET_SIZE(children) != m * (Py_ssize_t)sizeof(int64_t)) {
        PyErr_SetString(PyExc_ValueError, "zip() lengths differ");
        return NULL;
    }
    imap map;
    PyObject *out = NULL;
    if (imap_init(&map, m) < 0) goto done;
    for (Py_ssize_t i = 0; i < m; i++) {
        Py_ssize_t a = olds[i];
        int64_t b = news[i];
        if (a < 0 || a > INT32_MAX || b < 0 || b > INT32_MAX) {
            PyErr_SetString(PyExc_OverflowError, "class id");
            goto done;
        }
        size_t h = imap_slot(&map, (int32_t)a);
        map.key[h] = (int32_t)a;
        map.val[h] = b;
    }
    out = PyBytes_FromStringAndSize(PyBytes_AS_STRING(tc), n * (Py_ssize_t)sizeof(int32_t));
    if (!out) goto done;
    int32_t *dst = (int32_t *)PyBytes_AS_STRING(out);
    for (Py_ssize_t i = 0; i < nt; i++) {
        int32_t t = ts[i];
        if (t >= n) { PyErr_SetString(PyExc_IndexError, "type out of range"); Py_CLEAR(out); goto done; }
        size_t h = imap_slot(&map, dst[t]);
        if (map.key[h] == -1) {
            PyErr_Format(PyExc_KeyError, "class %d", (int)dst[t]);
            Py_CLEAR(out);
            goto done;
        }
        dst[t] = (int32_t)map.val[h];
    }
done:
    imap_free(&map);
    return out;
}


/* tc_pack(tc, types, weights) -> bytes: the classes of ``types`` (a project's supporter types) in order
 * of first appearance, each with the summed weight of its types (MesEngine.ids), packed as MesEngine.packed
 * keeps them (the ids as Py_ssize_t, then the weights as doubles) */
static PyObject *k_tc_pack(PyObject *self, PyObject *args) {
    PyObject *tc, *types, *weights;
    if (!PyArg_ParseTuple(args, "O!O!O!", &PyBytes_Type, &tc, &PyBytes_Type, &types, &PyBytes_Type, &weights))
        return NULL;
    Py_ssize_t n = 0, nt = 0;
    int32_t *cls = tc_data(tc, &n), *ts = tc_data(types, &nt);
    if (!cls || !ts) return NULL;
    if (PyBytes_GET_SIZE(weights) != n * (Py_ssize_t)sizeof(double)) {
        PyErr_SetString(PyExc_ValueError, "a weight per type");
        return NULL;
    }
    const double *wt = (const double *)PyBytes_AS_STRING(weights);
    imap map;
    Py_ssize_t *order = PyMem_Malloc(sizeof(Py_ssize_t) * (nt + 1));
    double *sum = PyMem_Malloc(sizeof(double) * (nt + 1));
    PyObject *result = NULL;
    Py_ssize_t m = 0;
    if (imap_init(&map, nt) < 0) goto done;
    if (!order || !sum) { PyErr_NoMemory(); goto done; }
    for (Py_ssize_t i = 0; i < nt; i++) {
        int32_t t = ts[i];
        if (t < 0 || t >= n) { PyErr_SetString(PyExc_IndexError, "type out of range"); goto done; }
        int32_t c = cls[t];
        size_t h = imap_slot(&map, c);
        if (map.key[h] == -1) {
            map.key[h] = c;
            map.val[h] = m;
            order[m] = c;
            sum[m++] = wt[t];
        } else {
            sum[map.val[h]] += wt[t];
        }
    }
    result = PyBytes_FromStringAndSize(NULL, m * (Py_ssize_t)(sizeof(Py_ssize_t) + sizeof(double)));
    if (!result) goto done;
    memcpy(PyBytes_AS_STRING(result), order, sizeof(Py_ssize_t) * m);
    memcpy(PyBytes_AS_STRING(result) + sizeof(Py_ssize_t) * m, sum, sizeof(double) * m);
done:
    imap_free(&map);
    PyMem_Free(order);
    PyMem_Free(sum);
    return result;
}

/* ----- ClassTable: class keys and their ids ---------------------------------------------------- */
/* MesEngine.class_id and class_key for the compiled kernel: a class key (the bought projects its
 * voters supported, a bit mask) as a few 64-bit words in an open-addressing table, instead of a dict
 * of Python ints of up to a few hundred bits. A node's child classes (child_ids) are then made
 * without a Python int operation or a dict lookup per class. Read from Python as the list class_key
 * (len, [k]: the key as an int); intern(key) as MesEngine.intern. */
typedef struct {
    PyObject_HEAD
    Py_ssize_t words, n, cap;
    uint64_t *keys;  /* n * words */
    int32_t *slot;   /* id, or -1 */
    size_t mask;
} ClassTable;

static PyTypeObject ClassTableType;

static inline size_t ct_hash(const uint64_t *k, Py_ssize_t words) {
    uint64_t h = 1469598103934665603ULL;
    for (Py_ssize_t w = 0; w < words; w++) {
        h = (h ^ k[w]) * 1099511628211ULL;
        h ^= h >> 29;
    }
    return (size_t)h;
}

static int ct_grow_slots(ClassTable *t) {
    size_t size = (t->mask + 1) * 2;
    int32_t *slot = PyMem_Malloc(sizeof(int32_t) * size);
    if (!slot) { PyErr_NoMemory(); return -1; }
    memset(slot, 0xff, sizeof(int32_t) * size);
    for (Py_ssize_t i = 0; i < t->n; i++) {
        size_t h = ct_hash(t->keys + i * t->words, t->words) & (size - 1);
        while (slot[h] != -1) h = (h + 1) & (size - 1);
        slot[h] = (int32_t)i;
    }
    PyMem_Free(t->slot);
    t->slot = slot;
    t->mask = size - 1;
    return 0;
}

/* The id of the key in ``k`` (``words`` words), made on first sight; -1 with an exception set. */
static Py_ssize_t ct_intern(ClassTable *t, const uint64_t *k) {
    size_t h = ct_hash(k, t->words) & t->mask;
    for (;;) {
        int32_t e = t->slot[h];
        if (e == -1) break;
        if (memcmp(t->keys + (Py_ssize_t)e * t->words, k, sizeof(uint64_t) * t->words) == 0) return e;
        h = (h + 1) & t->mask;
    }
    if (t->n >= INT32_MAX) { PyErr_SetString(PyExc_OverflowError, "too many classes"); return -1; }
    if (t->n == t->cap) {
        Py_ssize_t cap = t->cap * 2;
        uint64_t *grown = PyMem_Realloc(t->keys, sizeof(uint64_t) * t->words * cap);
        if (!grown) { PyErr_NoMemory(); return -1; }
        t->keys = grown;
        t->cap = cap;
    }
    Py_ssize_t id = t->n++;
    memcpy(t->keys + id * t->words, k, sizeof(uint64_t) * t->words);
    t->slot[h] = (int32_t)id;
    if ((size_t)t->n * 2 > t->mask + 1 && ct_grow_slots(t) < 0) return -1;
    return id;
}

static int int_to_words(PyObject *x, uint64_t *out, Py_ssize_t words) {
    if (!PyLong_Check(x) || _PyLong_Sign(x) < 0) { PyErr_SetString(PyExc_ValueError, "a class key"); return -1; }
    if (_PyLong_NumBits(x) > (size_t)(64 * words)) {
        PyErr_SetString(PyExc_OverflowError, "a class key wider than the table's");
        return -1;
    }
    return _PyLong_AsByteArray((PyLongObject *)x, (unsigned char *)out, (size_t)(8 * words), 1, 0);
}

static PyObject *classtable_new(PyTypeObject *type, PyObject *args, PyObject *kw) {
    Py_ssize_t nbits;
    if (!PyArg_ParseTuple(args, "n", &nbits)) return NULL;
    if (nbits < 0) { PyErr_SetString(PyExc_ValueError, "bits"); return NULL; }
    ClassTable *t = (ClassTable *)type->tp_alloc(type, 0);
    if (!t) return NULL;
    t->words = nbits / 64 + 1;
    t->cap = 1024;
    t->keys = PyMem_Calloc((size_t)(t->words * t->cap), sizeof(uint64_t));
    t->mask = 2047;
    t->slot = PyMem_Malloc(sizeof(int32_t) * (t->mask + 1));
    if (!t->keys || !t->slot) { Py_DECREF(t); return PyErr_NoMemory(); }
    memset(t->slot, 0xff, sizeof(int32_t) * (t->mask + 1));
    uint64_t zero[64] = {0};
    if (t->words > 64) { Py_DECREF(t); PyErr_SetString(PyExc_OverflowError, "too many projects"); return NULL; }
    if (ct_intern(t, zero) < 0) { Py_DECREF(t); return NULL; } /* class 0: nothing bought */
    return (PyObject *)t;
}

static void classtable_dealloc(ClassTable *t) {
    PyMem_Free(t->keys);
    PyMem_Free(t->slot);
    Py_TYPE(t)->tp_free((PyObject *)t);
}

static Py_ssize_t classtable_len(ClassTable *t) { return t->n; }

static PyObject *classtable_item(ClassTable *t, Py_ssize_t k) {
    if (k < 0 || k >= t->n) { PyErr_SetString(PyExc_IndexError, "class id out of range"); return NULL; }
    return _PyLong_FromByteArray((const unsigned char *)(t->keys + k * t->words), (size_t)(8 * t->words), 1, 0);
}

/* intern(key) -> id */
static PyObject *classtable_intern(ClassTable *t, PyObject *key) {
    uint64_t k[64];
    if (t->words > 64) { PyErr_SetString(PyExc_OverflowError, "too many projects"); return NULL; }
    if (int_to_words(key, k, t->words) < 0) return NULL;
    Py_ssize_t id = ct_intern(t, k);
    return id < 0 ? NULL : PyLong_FromSsize_t(id);
}

/* child_ids(packed, bit) -> bytes (int64): the id of each class in ``packed`` (MesEngine.packed) with bit ``bit``
 * added, made on first sight in order (MesEngine.child_ids) */
static PyObject *classtable_child_ids(ClassTable *t, PyObject *args) {
    PyObject *packed;
    Py_ssize_t bit;
    if (!PyArg_ParseTuple(args, "O!n", &PyBytes_Type, &packed, &bit)) return NULL;
    if (bit < 0 || bit >= 64 * t->words) { PyErr_SetString(PyExc_ValueError, "bit"); return NULL; }
    Py_ssize_t n = PyBytes_GET_SIZE(packed) / (Py_ssize_t)(sizeof(Py_ssize_t) + sizeof(double));
    const Py_ssize_t *kid = (const Py_ssize_t *)PyBytes_AS_STRING(packed);
    PyObject *out = PyBytes_FromStringAndSize(NULL, n * (Py_ssize_t)sizeof(int64_t));
    if (!out) return NULL;
    int64_t *d = (int64_t *)PyBytes_AS_STRING(out);
    uint64_t k[64];
    for (Py_ssize_t i = 0; i < n; i++) {
        if (kid[i] < 0 || kid[i] >= t->n) { Py_DECREF(out); PyErr_SetString(PyExc_IndexError, "class id"); return NULL; }
        memcpy(k, t->keys + kid[i] * t->words, sizeof(uint64_t) * t->words);
        k[bit / 64] |= (uint64_t)1 << (bit % 64);
        Py_ssize_t id = ct_intern(t, k);
        if (id < 0) { Py_DECREF(out); return NULL; }
        d[i] = id;
    }
    return out;
}

static PySequenceMethods classtable_as_seq = {
    .sq_length = (lenfunc)classtable_len,
    .sq_item = (ssizeargfunc)classtable_item,
};

static PyMethodDef classtable_methods[] = {
    {"intern", (PyCFunction)classtable_intern, METH_O, "The id of a class key, made on first sight."},
    {"child_ids", (PyCFunction)classtable_child_ids, METH_VARARGS, "MesEngine.child_ids (see mes.py)."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject ClassTableType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "wijkgeld.pb.rules._kernel.ClassTable",
    .tp_basicsize = sizeof(ClassTable),
    .tp_dealloc = (destructor)classtable_dealloc,
    .tp_as_sequence = &classtable_as_seq,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "MesEngine's class keys and ids (see _kernel.c).",
    .tp_methods = classtable_methods,
    .tp_new = classtable_new,
};

/* ----- Bounds: a proof's four money bounds as C arrays --------------------------------------- */
/* certify._Proof keeps, per class id, lower and upper bounds on the money at both ends of its range
 * (low0, low1, high0, high1), in dicts; a proof that starts from a run makes them from the run's
 * money on first use (_RunMoney). With the kernel they are arrays here, and the four attributes
 * are views (BoundView) that Python reads as those dicts; the kernel's functions below take either
 * a dict or a view. The four bounds of a class are always set together. */
typedef struct {
    PyObject_HEAD
    Py_ssize_t cap;
    double *b[4]; /* low0, low1, high0, high1 */
    char *has;
    Money *run;   /* a run's money to make missing classes from, or NULL */
    double offset, steps;
} Bounds;

typedef struct {
    PyObject_HEAD
    Bounds *bounds;
    int which;
} BoundView;

static PyTypeObject BoundsType, BoundViewType;

static int bounds_reserve(Bounds *b, Py_ssize_t need) {
    if (need <= b->cap) return 0;
    Py_ssize_t cap = b->cap ? b->cap : 64;
    while (cap < need) cap *= 2;
    for (int a = 0; a < 4; a++) {
        double *grown = PyMem_Realloc(b->b[a], sizeof(double) * cap);
        if (!grown) { PyErr_NoMemory(); return -1; }
        b->b[a] = grown;
    }
    char *h = PyMem_Realloc(b->has, cap);
    if (!h) { PyErr_NoMemory(); return -1; }
    memset(h + b->cap, 0, cap - b->cap);
    b->has = h;
    b->cap = cap;
    return 0;
}

/* Make class k's bounds present (from the run, as _RunMoney.__missing__); -1 with KeyError if it
 * cannot be. */
static int bounds_ensure(Bounds *b, Py_ssize_t k) {
    if (k < 0) { PyErr_SetString(PyExc_KeyError, "class"); return -1; }
    if (k < b->cap && b->has[k]) return 0;
    if (!b->run || k >= b->run->n) {
        PyObject *key = PyLong_FromSsize_t(k);
        if (key) { PyErr_SetObject(PyExc_KeyError, key); Py_DECREF(key); }
        return -1;
    }
    if (bounds_reserve(b, k + 1) < 0) return -1;
    Money *m = b->run;
    double vf = m->vf[k], ve = m->ve[k], vs = m->vs[k], vse = m->vse[k];
    double ts[2] = {b->offset, b->offset + b->steps};
    for (int e = 0; e < 2; e++) {
        double t = ts[e];
        double a = vs * t;
        double x = vf + a;
        double err = ve + vse * t;
        double slack = 4 * CEPS * (fabs(vf) + fabs(a) + err);
        double lo = x - err - slack;
        b->b[e][k] = 0.0 > lo ? 0.0 : lo; /* max(lo, 0.0) */
        b->b[2 + e][k] = x + err + slack;
    }
    b->has[k] = 1;
    return 0;
}

static inline int bounds_get(Bounds *b, int which, PyObject *key, double *out) {
    Py_ssize_t k = PyLong_AsSsize_t(key);
    if (k == -1 && PyErr_Occurred()) return -1;
    if (bounds_ensure(b, k) < 0) return -1;
    *out = b->b[which][k];
    return 0;
}

static int bounds_set(Bounds *b, Py_ssize_t k, double v[4]) {
    if (k < 0) { PyErr_SetString(PyExc_KeyError, "class"); return -1; }
    if (bounds_reserve(b, k + 1) < 0) return -1;
    for (int a = 0; a < 4; a++) b->b[a][k] = v[a];
    b->has[k] = 1;
    return 0;
}

/* Bounds(low0, low1, high0, high1, steps): class 0's bounds (the proof's start) */
static PyObject *bounds_new(PyTypeObject *type, PyObject *args, PyObject *kw) {
    double v[4], steps;
    if (!PyArg_ParseTuple(args, "ddddd", &v[0], &v[1], &v[2], &v[3], &steps)) return NULL;
    Bounds *b = (Bounds *)type->tp_alloc(type, 0);
    if (!b) return NULL;
    b->steps = steps;
    if (bounds_set(b, 0, v) < 0) { Py_DECREF(b); return NULL; }
    return (PyObject *)b;
}

static void bounds_dealloc(Bounds *b) {
    for (int a = 0; a < 4; a++) PyMem_Free(b->b[a]);
    PyMem_Free(b->has);
    Py_XDECREF(b->run);
    Py_TYPE(b)->tp_free((PyObject *)b);
}

/* attach(money, offset): forget every class; make them from the run's money, offset steps on */
static PyObject *bounds_attach(Bounds *b, PyObject *args) {
    Money *m;
    double offset;
    if (!PyArg_ParseTuple(args, "O!d", &MoneyType, &m, &offset)) return NULL;
    if (b->cap) memset(b->has, 0, b->cap);
    Py_INCREF(m);
    Py_XSETREF(b->run, m);
    b->offset = offset;
    Py_RETURN_NONE;
}

/* cut(lam, steps): _Proof.shrink's cut of every present class's bounds at the far end */
static PyObject *bounds_cut(Bounds *b, PyObject *args) {
    double lam, steps;
    if (!PyArg_ParseTuple(args, "dd", &lam, &steps)) return NULL;
    double mlow = -1 * 4 * CEPS, mhigh = 1 * 4 * CEPS;
    for (Py_ssize_t k = 0; k < b->cap; k++) {
        if (!b->has[k]) continue;
        double v0 = b->b[0][k], v1 = b->b[1][k];
        b->b[1][k] = v0 + (v1 - v0) * lam + mlow * (fabs(v0) + fabs(v1));
        v0 = b->b[2][k];
        v1 = b->b[3][k];
        b->b[3][k] = v0 + (v1 - v0) * lam + mhigh * (fabs(v0) + fabs(v1));
    }
    b->steps = steps;
    Py_RETURN_NONE;
}

static PyObject *bounds_view(Bounds *b, PyObject *arg) {
    long which = PyLong_AsLong(arg);
    if (which == -1 && PyErr_Occurred()) return NULL;
    if (which < 0 || which > 3) { PyErr_SetString(PyExc_ValueError, "0..3"); return NULL; }
    BoundView *v = PyObject_New(BoundView, &BoundViewType);
    if (!v) return NULL;
    Py_INCREF(b);
    v->bounds = b;
    v->which = (int)which;
    return (PyObject *)v;
}

/* payers(keys, weights) -> _Proof.payers: (weight, [k...]) of the classes whose upper bound is not 0
 * at both ends */
static PyObject *bounds_payers(Bounds *b, PyObject *args) {
    PyObject *keys, *weights;
    if (!PyArg_ParseTuple(args, "O!O!", &PyList_Type, &keys, &PyList_Type, &weights)) return NULL;
    Py_ssize_t n = PyList_GET_SIZE(keys);
    if (PyList_GET_SIZE(weights) != n) { PyErr_SetString(PyExc_ValueError, "zip() lengths differ"); return NULL; }
    PyObject *found = PyList_New(0);
    if (!found) return NULL;
    psum ps;
    psum_init(&ps);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *key = PyList_GET_ITEM(keys, i);
        double h0, h1;
        if (bounds_get(b, 2, key, &h0) < 0 || bounds_get(b, 3, key, &h1) < 0) { Py_DECREF(found); return NULL; }
        if (h0 > 0.0 || h1 > 0.0) {
            if (PyList_Append(found, key) < 0) { Py_DECREF(found); return NULL; }
            psum_add(&ps, as_double(PyList_GET_ITEM(weights, i)));
        }
    }
    if (!ps.started) return Py_BuildValue("(iN)", 0, found);
    return Py_BuildValue("(dN)", psum_value(&ps), found);
}

static PyObject *bounds_scan_round(Bounds *b, PyObject *args);

static PyMethodDef bounds_methods[] = {
    {"attach", (PyCFunction)bounds_attach, METH_VARARGS, "Make classes from a run's money (start_from)."},
    {"cut", (PyCFunction)bounds_cut, METH_VARARGS, "_Proof.shrink's cut of every class's bounds."},
    {"view", (PyCFunction)bounds_view, METH_O, "One of the four bounds as a dict-like view."},
    {"payers", (PyCFunction)bounds_payers, METH_VARARGS, "_Proof.payers."},
    {"scan_round", (PyCFunction)bounds_scan_round, METH_VARARGS, "certify_span's loop over one round's projects."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject BoundsType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "wijkgeld.pb.rules._kernel.Bounds",
    .tp_basicsize = sizeof(Bounds),
    .tp_dealloc = (destructor)bounds_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "A bounds proof's money bounds as C arrays (see _kernel.c).",
    .tp_methods = bounds_methods,
    .tp_new = bounds_new,
};

static void boundview_dealloc(BoundView *v) {
    Py_XDECREF(v->bounds);
    PyObject_Free(v);
}

static PyObject *boundview_subscript(BoundView *v, PyObject *key) {
    double x;
    if (bounds_get(v->bounds, v->which, key, &x) < 0) return NULL;
    return PyFloat_FromDouble(x);
}

static PyMappingMethods boundview_as_mapping = {
    .mp_subscript = (binaryfunc)boundview_subscript,
};

static PyTypeObject BoundViewType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "wijkgeld.pb.rules._kernel.BoundView",
    .tp_basicsize = sizeof(BoundView),
    .tp_dealloc = (destructor)boundview_dealloc,
    .tp_as_mapping = &boundview_as_mapping,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "One bound of a Bounds object, read as a dict.",
};

/* ----- certify.py: a proof's price bounds and payments on Bounds views --------------------------- */
/* ----- on a node's packed class lists (MesEngine.packed) and a Bounds view --------------------------------- */
typedef struct {
    Py_ssize_t n;
    const Py_ssize_t *kid;
    const double *ws;
} packed_lists;

static int parse_packed(PyObject *packed, packed_lists *pl) {
    if (!PyBytes_Check(packed)) { PyErr_SetString(PyExc_TypeError, "packed class lists"); return -1; }
    pl->n = PyBytes_GET_SIZE(packed) / (Py_ssize_t)(sizeof(Py_ssize_t) + sizeof(double));
    pl->kid = (const Py_ssize_t *)PyBytes_AS_STRING(packed);
    pl->ws = (const double *)(pl->kid + pl->n);
    return 0;
}

/* The view's bound of every class in pl, into out (made present first). */
static int view_values(BoundView *v, packed_lists *pl, double *out) {
    Bounds *b = v->bounds;
    for (Py_ssize_t i = 0; i < pl->n; i++) {
        if (bounds_ensure(b, pl->kid[i]) < 0) return -1;
        out[i] = b->b[v->which][pl->kid[i]];
    }
    return 0;
}

/* ----- _Proof.loses in one call ------------------------------------------------------------------ */
/* certify.py's helpers on C doubles, the same operations in the same order. */
static inline double c_down(double x, int n) { return x - (double)(n + 2) * CEPS * fabs(x); }
static inline double c_up(double x, int n) { return x + (double)(n + 2) * CEPS * fabs(x); }
static inline double c_max(double a, double b) { return b > a ? b : a; }

static double positive_up_to(double d0, double d1) {
    if (d0 <= 0) return -1.0;
    if (d1 > 0) return 1.0;
    return d0 / (d0 - d1) * (1 - MARGIN) - MARGIN;
}

/* _beats(upper, (first, second)) */
static double beats(const double up[2], const double first[2], const double second[2]) {
    double a = positive_up_to(first[0] - up[0], first[1] - up[1]);
    if (a >= 1) return a;
    double c0 = second[0] - up[0], c1 = second[1] - up[1];
    if (c1 > 0 && c0 <= 0) {
        double y = -c0 / (c1 - c0) * (1 + MARGIN) + MARGIN;
        if (y < a) return 1.0;
    }
    return c_max(a, positive_up_to(c0, c1));
}

/* pdot(): the bound ``which`` of p's classes times their weights, summed as sum() does */
static int bounds_dot(Bounds *b, int which, packed_lists *pl, double *out) {
    psum ps;
    psum_init(&ps);
    for (Py_ssize_t i = 0; i < pl->n; i++) {
        if (bounds_ensure(b, pl->kid[i]) < 0) return -1;
        psum_add(&ps, b->b[which][pl->kid[i]] * pl->ws[i]);
    }
    *out = ps.started ? psum_value(&ps) : 0.0;
    return 0;
}

/* _Proof.unaffordable_up_to -> (before, after) */
static int unaffordable(Bounds *b, packed_lists *pl, double cost_p, double out[2]) {
    double cost = c_down(cost_p, 1);
    int n = (int)(2 * pl->n + 4);
    double dot0, dot1;
    if (bounds_dot(b, 2, pl, &dot0) < 0 || bounds_dot(b, 3, pl, &dot1) < 0) return -1;
    double d0 = cost - c_up(dot0, n), d1 = cost - c_up(dot1, n);
    if (d0 > 0) {
        out[0] = positive_up_to(d0, d1);
        out[1] = 2.0;
    } else if (d1 > 0) {
        out[0] = -1.0;
        out[1] = d0 / (d0 - d1) * (1 + MARGIN) + MARGIN;
    } else {
        out[0] = -1.0;
        out[1] = 2.0;
    }
    return 0;
}

/* certify._price without the poor list as Python objects: q, and the poor positions in the order
 * _price lists them (into poor, n long; *np their number); 1 if found, 0 for None. */
static int price_raw(const double *mo, const double *ws, Py_ssize_t n, double rem, double weight, double *q,
                     Py_ssize_t *poor, Py_ssize_t *npoor, Py_ssize_t *pending) {
    for (Py_ssize_t i = 0; i < n; i++) pending[i] = i;
    Py_ssize_t np = n, taken = 0;
    for (;;) {
        double qq = rem / weight;
        Py_ssize_t start = taken, keep = 0;
        for (Py_ssize_t j = 0; j < np; j++) {
            Py_ssize_t i = pending[j];
            if (mo[i] < qq) poor[taken++] = i;
            else pending[keep++] = i;
        }
        if (taken == start) {
            *q = qq;
            *npoor = taken;
            return 1;
        }
        for (Py_ssize_t j = start; j < taken; j++) {
            Py_ssize_t i = poor[j];
            rem -= mo[i] * ws[i];
            weight -= ws[i];
        }
        if (weight <= 0) return 0;
        np = keep;
    }
}

/* _Proof.lower_key(node, p, at_end) with poor=None: the price bound's two ends into out */
static int lower_key_c(Bounds *b, packed_lists *pl, double cost, double total_w, int at_end, double out[2],
                       double *mo, Py_ssize_t *poor, Py_ssize_t *pending) {
    int which = at_end ? 3 : 2;
    for (Py_ssize_t i = 0; i < pl->n; i++) {
        if (bounds_ensure(b, pl->kid[i]) < 0) return -1;
        mo[i] = b->b[which][pl->kid[i]];
    }
    double q;
    Py_ssize_t np = 0;
    if (!price_raw(mo, pl->ws, pl->n, cost, total_w, &q, poor, &np, pending)) np = 0;
    psum pw;
    psum_init(&pw);
    for (Py_ssize_t j = 0; j < np; j++) psum_add(&pw, pl->ws[poor[j]]);
    double rich_w = total_w - (pw.started ? psum_value(&pw) : 0.0);
    double cp = c_up(cost, 1);
    if (!np || rich_w <= 0) {
        double x = c_down(cost / total_w / cp, 4);
        out[0] = out[1] = x;
        return 0;
    }
    int n = (int)(2 * np + 4);
    for (int e = 0; e < 2; e++) {
        psum ps;
        psum_init(&ps);
        for (Py_ssize_t j = 0; j < np; j++) psum_add(&ps, b->b[2 + e][pl->kid[poor[j]]] * pl->ws[poor[j]]);
        double paid = c_up(ps.started ? psum_value(&ps) : 0.0, n);
        double rem = cost - paid - 4 * CEPS * (cost + paid);
        out[e] = c_down(rem / rich_w / cp, 4);
    }
    return 0;
}

/* _Proof.loses after its first _beats() (which failed): p's reach against the winner's bound ``up``,
 * with p's two kept lower bounds (first, second) renewed in place as the Python code renews them. */
static int loses_core(Bounds *b, packed_lists *pl, double cost, double total_w, double first[2], double second[2],
                      const double up[2], int short_first, double *reach_out) {
    double *mo = PyMem_Malloc(sizeof(double) * (pl->n + 1));
    Py_ssize_t *poor = PyMem_Malloc(sizeof(Py_ssize_t) * (pl->n + 1));
    Py_ssize_t *pending = PyMem_Malloc(sizeof(Py_ssize_t) * (pl->n + 1));
    int rc = -1;
    double reach = 0.0, sh[2];
    int have_short = 0;
    if (!mo || !poor || !pending) { PyErr_NoMemory(); goto done; }
    if (short_first) {
        if (unaffordable(b, pl, cost, sh) < 0) goto done;
        have_short = 1;
        if (sh[0] >= 1) { reach = 2.0; goto out; }
    }
    if (lower_key_c(b, pl, cost, total_w, 0, first, mo, poor, pending) < 0) goto done;
    reach = beats(up, first, second);
    if (reach >= 1) goto out;
    if (lower_key_c(b, pl, cost, total_w, 1, second, mo, poor, pending) < 0) goto done;
    reach = beats(up, first, second);
    if (reach >= 1) goto out;
    if (!have_short && unaffordable(b, pl, cost, sh) < 0) goto done;
    if (sh[0] >= 1) reach = 2.0;
    else if (sh[1] < reach) reach = 1.0;
    else reach = c_max(reach, sh[0]);
out:
    *reach_out = reach;
    rc = 0;
done:
    PyMem_Free(mo);
    PyMem_Free(poor);
    PyMem_Free(pending);
    return rc;
}

static int line_of(PyObject *t, double out[2]) {
    if (!PyTuple_Check(t) || PyTuple_GET_SIZE(t) != 2) { PyErr_SetString(PyExc_TypeError, "a line"); return -1; }
    out[0] = PyFloat_AsDouble(PyTuple_GET_ITEM(t, 0));
    out[1] = PyFloat_AsDouble(PyTuple_GET_ITEM(t, 1));
    return PyErr_Occurred() ? -1 : 0;
}

/* scan_round(projects, start, lows, u0, u1, packed_of, packer, cost_f, total_f, dropped, rnd, gone)
 *   -> (i, reach)
 * certify_span's loop over the projects in play in one round, from position ``start``: skip those
 * whose kept bound lies above the winner's, else loses() (renewing lows[p]); those unaffordable for
 * the rest of the run (reach > 1) go to ``gone``. Stops at the first project that does not surely
 * lose on the whole range (reach < 1), which the caller handles; i = len(projects) at the end. */
static PyObject *bounds_scan_round(Bounds *b, PyObject *args) {
    PyObject *projects, *lows, *packed_of, *packer, *cost_f, *total_f, *dropped, *gone;
    Py_ssize_t start, rnd;
    double up[2];
    if (!PyArg_ParseTuple(args, "O!nO!ddO!OO!O!O!nO!", &PyList_Type, &projects, &start, &PyDict_Type, &lows, &up[0],
                          &up[1], &PyDict_Type, &packed_of, &packer, &PyList_Type, &cost_f, &PyList_Type, &total_f,
                          &PyDict_Type, &dropped, &rnd, &PyList_Type, &gone))
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(projects);
    for (Py_ssize_t i = start; i < n; i++) {
        PyObject *pobj = PyList_GET_ITEM(projects, i);
        PyObject *lw = PyDict_GetItemWithError(lows, pobj); /* borrowed */
        if (!lw) {
            if (!PyErr_Occurred()) PyErr_SetObject(PyExc_KeyError, pobj);
            return NULL;
        }
        if (!PyTuple_Check(lw) || PyTuple_GET_SIZE(lw) != 2) { PyErr_SetString(PyExc_TypeError, "two lines"); return NULL; }
        double first[2], second[2];
        if (line_of(PyTuple_GET_ITEM(lw, 0), first) < 0) return NULL;
        if (first[0] > up[0] && first[1] > up[1]) continue;
        if (line_of(PyTuple_GET_ITEM(lw, 1), second) < 0) return NULL;
        double reach = beats(up, first, second);
        if (reach < 1) {
            Py_ssize_t p = PyLong_AsSsize_t(pobj);
            if (p == -1 && PyErr_Occurred()) return NULL;
            if (check_index(p, PyList_GET_SIZE(cost_f)) < 0 || check_index(p, PyList_GET_SIZE(total_f)) < 0) return NULL;
            /* dropped.get(p, rnd + 1) <= rnd */
            PyObject *d = PyDict_GetItemWithError(dropped, pobj);
            if (!d && PyErr_Occurred()) return NULL;
            Py_ssize_t when = d ? PyLong_AsSsize_t(d) : rnd + 1;
            if (when == -1 && PyErr_Occurred()) return NULL;
            PyObject *packed = PyDict_GetItemWithError(packed_of, pobj);
            if (packed) {
                Py_INCREF(packed);
            } else {
                if (PyErr_Occurred()) return NULL;
                packed = PyObject_CallOneArg(packer, pobj);
                if (!packed) return NULL;
            }
            packed_lists pl;
            int bad = parse_packed(packed, &pl) < 0;
            double cost = bad ? 0.0 : as_double(PyList_GET_ITEM(cost_f, p));
            double total_w = bad ? 0.0 : as_double(PyList_GET_ITEM(total_f, p));
            if (!bad && !PyErr_Occurred())
                bad = loses_core(b, &pl, cost, total_w, first, second, up, when <= rnd, &reach) < 0;
            Py_DECREF(packed);
            if (bad || PyErr_Occurred()) return NULL;
            PyObject *renewed = Py_BuildValue("((dd)(dd))", first[0], first[1], second[0], second[1]);
            if (!renewed) return NULL;
            bad = PyDict_SetItem(lows, pobj, renewed) < 0;
            Py_DECREF(renewed);
            if (bad) return NULL;
        }
        if (reach > 1) {
            if (PyList_Append(gone, pobj) < 0) return NULL;
        } else if (reach < 1) {
            return Py_BuildValue("(nd)", i, reach);
        }
    }
    return Py_BuildValue("(nd)", n, 1.0);
}

/* pdot(view, packed) -> sum(map(mul, map(view.__getitem__, keys), weights)) */
static PyObject *k_pdot(PyObject *self, PyObject *args) {
    BoundView *v;
    PyObject *packed;
    packed_lists pl;
    double dot;
    if (!PyArg_ParseTuple(args, "O!O", &BoundViewType, &v, &packed) || parse_packed(packed, &pl) < 0 ||
        bounds_dot(v->bounds, v->which, &pl, &dot) < 0)
        return NULL;
    return PyFloat_FromDouble(dot);
}

/* pprice(view, packed, cost, weight) -> certify._price([view[k] for k in keys], weights, cost, weight):
 * (q, poor positions) or None */
static PyObject *k_pprice(PyObject *self, PyObject *args) {
    BoundView *v;
    PyObject *packed;
    double rem, weight, q;
    packed_lists pl;
    if (!PyArg_ParseTuple(args, "O!Odd", &BoundViewType, &v, &packed, &rem, &weight) || parse_packed(packed, &pl) < 0)
        return NULL;
    double *mo = PyMem_Malloc(sizeof(double) * (pl.n + 1));
    Py_ssize_t *poor = PyMem_Malloc(sizeof(Py_ssize_t) * (pl.n + 1));
    Py_ssize_t *pending = PyMem_Malloc(sizeof(Py_ssize_t) * (pl.n + 1));
    PyObject *result = NULL, *list = NULL;
    Py_ssize_t np = 0;
    if (!mo || !poor || !pending) { PyErr_NoMemory(); goto done; }
    if (view_values(v, &pl, mo) < 0) goto done;
    if (!price_raw(mo, pl.ws, pl.n, rem, weight, &q, poor, &np, pending)) {
        result = Py_NewRef(Py_None);
        goto done;
    }
    list = PyList_New(np);
    if (!list) goto done;
    for (Py_ssize_t j = 0; j < np; j++) {
        PyObject *x = PyLong_FromSsize_t(poor[j]);
        if (!x) goto done;
        PyList_SET_ITEM(list, j, x);
    }
    result = Py_BuildValue("(dO)", q, list);
done:
    Py_XDECREF(list);
    PyMem_Free(mo);
    PyMem_Free(poor);
    PyMem_Free(pending);
    return result;
}

/* pcapped(view, packed, cand) -> sum(map(mul, map(min, [view[k] for k in keys], repeat(cand)), weights)) */
static PyObject *k_pcapped(PyObject *self, PyObject *args) {
    BoundView *v;
    PyObject *packed;
    double cand;
    packed_lists pl;
    if (!PyArg_ParseTuple(args, "O!Od", &BoundViewType, &v, &packed, &cand) || parse_packed(packed, &pl) < 0)
        return NULL;
    Bounds *b = v->bounds;
    psum ps;
    psum_init(&ps);
    for (Py_ssize_t i = 0; i < pl.n; i++) {
        if (bounds_ensure(b, pl.kid[i]) < 0) return NULL;
        double m = b->b[v->which][pl.kid[i]];
        double c = cand < m ? cand : m;
        psum_add(&ps, c * pl.ws[i]);
    }
    if (!ps.started) return PyLong_FromLong(0);
    return PyFloat_FromDouble(psum_value(&ps));
}

/* pdot_at(view, packed, poor) -> pdot() of the positions in ``poor`` only, in that order */
static PyObject *k_pdot_at(PyObject *self, PyObject *args) {
    BoundView *v;
    PyObject *packed, *poor;
    packed_lists pl;
    if (!PyArg_ParseTuple(args, "O!OO!", &BoundViewType, &v, &packed, &PyList_Type, &poor) ||
        parse_packed(packed, &pl) < 0)
        return NULL;
    Bounds *b = v->bounds;
    psum ps;
    psum_init(&ps);
    Py_ssize_t n = PyList_GET_SIZE(poor);
    for (Py_ssize_t j = 0; j < n; j++) {
        Py_ssize_t i = PyLong_AsSsize_t(PyList_GET_ITEM(poor, j));
        if (i == -1 && PyErr_Occurred()) return NULL;
        if (check_index(i, pl.n) < 0 || bounds_ensure(b, pl.kid[i]) < 0) return NULL;
        psum_add(&ps, b->b[v->which][pl.kid[i]] * pl.ws[i]);
    }
    if (!ps.started) return PyLong_FromLong(0);
    return PyFloat_FromDouble(psum_value(&ps));
}

/* ppick_sum(packed, poor) -> sum(weights[i] for i in poor) */
static PyObject *k_ppick_sum(PyObject *self, PyObject *args) {
    PyObject *packed, *poor;
    packed_lists pl;
    if (!PyArg_ParseTuple(args, "OO!", &packed, &PyList_Type, &poor) || parse_packed(packed, &pl) < 0) return NULL;
    psum ps;
    psum_init(&ps);
    Py_ssize_t n = PyList_GET_SIZE(poor);
    for (Py_ssize_t j = 0; j < n; j++) {
        Py_ssize_t i = PyLong_AsSsize_t(PyList_GET_ITEM(poor, j));
        if (i == -1 && PyErr_Occurred()) return NULL;
        if (check_index(i, pl.n) < 0) return NULL;
        psum_add(&ps, pl.ws[i]);
    }
    if (!ps.started) return PyLong_FromLong(0);
    return PyFloat_FromDouble(psum_value(&ps));
}

/* pay(low0, low1, high0, high1, packed, children, u0, u1, l0, l1, m): _Proof.pay's bounds, on the four views
 * (packed: the winner's classes, MesEngine.packed; children: their children, MesEngine.child_packed) */
static PyObject *k_pay(PyObject *self, PyObject *args) {
    BoundView *low0, *low1, *high0, *high1;
    PyObject *packed, *children;
    double u0, u1, l0, l1, m;
    packed_lists pl;
    if (!PyArg_ParseTuple(args, "O!O!O!O!OO!ddddd", &BoundViewType, &low0, &BoundViewType, &low1, &BoundViewType,
                          &high0, &BoundViewType, &high1, &packed, &PyBytes_Type, &children, &u0, &u1, &l0, &l1, &m) ||
        parse_packed(packed, &pl) < 0)
        return NULL;
    Bounds *bs = low0->bounds;
    if (low1->bounds != bs || high0->bounds != bs || high1->bounds != bs || low0->which != 0 || low1->which != 1 ||
        high0->which != 2 || high1->which != 3) {
        PyErr_SetString(PyExc_ValueError, "the four views of one Bounds, in order");
        return NULL;
    }
    Py_ssize_t nk = pl.n, nc = PyBytes_GET_SIZE(children) / (Py_ssize_t)sizeof(int64_t);
    const int64_t *kids = (const int64_t *)PyBytes_AS_STRING(children);
    Py_ssize_t n = nc < nk ? nc : nk; /* zip() stops at the shorter */
    double *x = PyMem_Malloc(sizeof(double) * 4 * (nk + 1));
    if (!x) return PyErr_NoMemory();
    PyObject *result = NULL;
    /* Every value is read before any is written: the new classes are not among ``keys``, so this
     * reads what the Python lines read (they update low0 and low1 before reading high0). */
    double e0 = m * fabs(l0), e1 = m * fabs(l1);
    for (Py_ssize_t i = 0; i < nk; i++) {
        Py_ssize_t k = pl.kid[i];
        if (bounds_ensure(bs, k) < 0) goto done;
        double a0 = bs->b[0][k], a1 = bs->b[1][k], c0 = bs->b[2][k], c1 = bs->b[3][k];
        double x0 = a0 - u0 - m * (fabs(a0) + u0);
        double x1 = a1 - u1 - m * (fabs(a1) + u1);
        double v0 = c0 - l0 + m * c0 + e0;
        double v1 = c1 - l1 + m * c1 + e1;
        x[4 * i] = x0 >= 0 ? x0 : 0.0;
        x[4 * i + 1] = x0 >= 0 ? x1 : 0.0;
        x[4 * i + 2] = 0.0 > v0 ? 0.0 : v0; /* max(v0, 0.0) */
        x[4 * i + 3] = 0.0 > v1 ? 0.0 : v1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (bounds_set(bs, (Py_ssize_t)kids[i], x + 4 * i) < 0) goto done;
    }
    result = Py_NewRef(Py_None);
done:
    PyMem_Free(x);
    return result;
}

/* keep_poor(money, poor, q, q_e, qs, qs_e) -> -1.0 if a poor class's value bound is <= 0 (the limit
 * becomes 0), else the lowest x (inf if none): FastRun.keep_poor's loop over class ids (-1: ZERO). */
static PyObject *k_keep_poor(PyObject *self, PyObject *args) {
    Money *mo;
    PyObject *poor;
    double q, q_e, qs, qs_e;
    if (!PyArg_ParseTuple(args, "O!O!dddd", &MoneyType, &mo, &PyList_Type, &poor, &q, &q_e, &qs, &qs_e))
        return NULL;
    double aqs = fabs(qs), lowest = INFINITY;
    Py_ssize_t n = PyList_GET_SIZE(poor);
    for (Py_ssize_t j = 0; j < n; j++) {
        Py_ssize_t k = PyLong_AsSsize_t(PyList_GET_ITEM(poor, j));
        if (k == -1 && PyErr_Occurred()) return NULL;
        double vf = 0.0, ve = 0.0, vs = 0.0, vse = 0.0;
        if (k >= 0) {
            if (check_index(k, mo->n) < 0) return NULL;
            vf = mo->vf[k]; ve = mo->ve[k]; vs = mo->vs[k]; vse = mo->vse[k];
        }
        double slope_low = (qs - vs) - (qs_e + vse + EPS * (aqs + vs));
        if (slope_low >= 0) continue;
        double value_low = (q - vf) - (q_e + ve + EPS * (q + vf));
        if (value_low <= 0) return PyFloat_FromDouble(-1.0);
        double x = value_low / -slope_low * (1 - 1e-12);
        if (x < lowest) lowest = x;
    }
    return PyFloat_FromDouble(lowest);
}

static PyMethodDef methods[] = {
    {"make_objects", k_make_objects, METH_VARARGS, "model.make_ballots without a call per field."},
    {"split_rows", k_split_rows, METH_VARARGS, "pbfile's split of a plain VOTES section."},
    {"evaluate", k_evaluate, METH_VARARGS, "FastRun.go's walks of one round (see mes_fast.py)."},
    {"certify_heap", k_certify_heap, METH_VARARGS, "FastRun.certify's loop (see mes_fast.py)."},
    {"buy", k_buy, METH_VARARGS, "FastRun.buy's loop over the winner's classes (see mes_fast.py)."},
    {"keep_poor", k_keep_poor, METH_VARARGS, "FastRun.keep_poor's loop (see mes_fast.py)."},
    {"child_tc", k_child_tc, METH_VARARGS, "MesEngine.child's type classes (see mes.py)."},
    {"tc_pack", k_tc_pack, METH_VARARGS, "MesEngine.packed from a node's type classes (see mes.py)."},
    {"pdot", k_pdot, METH_VARARGS, "sum(map(mul, map(view.__getitem__, keys), weights)) on packed class lists (certify.py)."},
    {"pprice", k_pprice, METH_VARARGS, "certify._price of a view's bounds, on packed class lists."},
    {"pcapped", k_pcapped, METH_VARARGS, "sum(map(mul, map(min, money, repeat(cand)), weights)) of a view's bounds (certify.py)."},
    {"pdot_at", k_pdot_at, METH_VARARGS, "pdot() over the positions ``poor`` only (certify.py)."},
    {"ppick_sum", k_ppick_sum, METH_VARARGS, "sum(weights[i] for i in poor) on packed class lists (certify.py)."},
    {"pay", k_pay, METH_VARARGS, "_Proof.pay's bounds (certify.py)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_kernel",
                                    "Compiled float filters of the MES engine (optional).", -1, methods};

PyMODINIT_FUNC PyInit__kernel(void) {
    if (PyType_Ready(&MoneyType) < 0 || PyType_Ready(&LowViewType) < 0 || PyType_Ready(&BoundsType) < 0 ||
        PyType_Ready(&BoundViewType) < 0 || PyType_Ready(&ClassTableType) < 0)
        return NULL;
    PyObject *mod = PyModule_Create(&module);
    if (!mod) return NULL;
    Py_INCREF(&MoneyType);
    if (PyModule_AddObject(mod, "Money", (PyObject *)&MoneyType) < 0) {
        Py_DECREF(&MoneyType);
        Py_DECREF(mod);
        return NULL;
    }
    Py_INCREF(&ClassTableType);
    if (PyModule_AddObject(mod, "ClassTable", (PyObject *)&ClassTableType) < 0) {
        Py_DECREF(&ClassTableType);
        Py_DECREF(mod);
        return NULL;
    }
    Py_INCREF(&BoundsType);
    if (PyModule_AddObject(mod, "Bounds", (PyObject *)&BoundsType) < 0) {
        Py_DECREF(&BoundsType);
        Py_DECREF(mod);
        return NULL;
    }
    return mod;
}
